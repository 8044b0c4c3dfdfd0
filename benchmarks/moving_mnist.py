"""Moving MNIST generation speed: the vectorised `MovingMNISTDataset.generate` against a straightforward per-frame
reference (one Python loop over videos, frames and digits, as the seed does), on one core, and against how fast a
small 3D-conv training step on this CPU consumes videos.

    PYTHONPATH=. python benchmarks/moving_mnist.py [--videos 4096] [--reference-videos 300]
"""
import argparse, math, platform, time
import numpy as np
import torch
from torch import nn
from magvit_traj.moving_mnist import MovingMNISTDataset, counter_uniforms, resize_frames


def reference_video(ds: MovingMNISTDataset, i: int) -> torch.Tensor:  # (1, T, R, R)
    "Video `i` of a bounce dataset the straightforward way: per frame, per digit, Python floats and array slices"
    D, S, C, T = ds.max_digits, ds.digit_size, ds.canvas_size, ds.sequence_length
    u = counter_uniforms(ds.seed, int(ds.train), np.array([i]), 1 + 8 * D)[0]
    n = ds.min_digits + min(int(u[0] * (ds.max_digits - ds.min_digits + 1)), ds.max_digits - ds.min_digits)
    classes = [i % 10] + [(i % 10 + 1 + int(u[d] * 9)) % 10 for d in range(1, D)]
    images = [ds._images[ds._starts[c] + int(u[1 + D + d] * ds._counts[c])] for d, c in enumerate(classes[:n])]
    m = u[1 + 2 * D:].reshape(6, D)
    lo, hi = S / 2, C - S / 2
    pos = [[lo + (hi - lo) * m[0, d], lo + (hi - lo) * m[1, d]] for d in range(n)]
    vel = [[ds.max_velocity * (2 * m[2, d] - 1), ds.max_velocity * (2 * m[3, d] - 1)] for d in range(n)]
    frames = []
    for t in range(T):
        canvas = np.zeros((C, C), np.uint8)
        for d in range(n):
            for k in range(2):
                pos[d][k] += vel[d][k]
                if pos[d][k] <= lo or pos[d][k] >= hi: vel[d][k] = -vel[d][k]
                pos[d][k] = min(max(pos[d][k], lo), hi)
            x, y = math.floor(pos[d][0] - S / 2), math.floor(pos[d][1] - S / 2)
            np.maximum(canvas[y:y + S, x:x + S], images[d], out=canvas[y:y + S, x:x + S])
        frames.append(canvas)
    return torch.from_numpy(resize_frames(np.stack(frames), ds.resolution))[None]


def rate(fn, n_videos: int, repeat: int = 3) -> float:
    "Best of `repeat` runs of `fn()` (which makes `n_videos` videos), in videos per second"
    best = min(timed(fn) for _ in range(repeat))
    return n_videos / best

def timed(fn):
    "CPU seconds this process spends in `fn()`: on a shared machine, wall time would also count the waits for a core"
    t = time.process_time(); fn(); return time.process_time() - t


class Small3DConvAE(nn.Module):
    "A small VideoGPT-like 3D conv autoencoder (no quantizer): 1x16x64x64 -> 64x4x16x16 -> back"
    def __init__(self, h=64):
        super().__init__()
        self.enc = nn.Sequential(nn.Conv3d(1, h, 4, 2, 1), nn.ReLU(), nn.Conv3d(h, h, 4, 2, 1), nn.ReLU(), nn.Conv3d(h, h, 3, 1, 1))
        self.dec = nn.Sequential(nn.ConvTranspose3d(h, h, 4, 2, 1), nn.ReLU(), nn.ConvTranspose3d(h, 1, 4, 2, 1))
    def forward(self, x): return self.dec(self.enc(x))


def train_step_rate(batch: int = 8, steps: int = 3) -> float:
    "Videos per second that training steps (forward, backward, Adam) of `Small3DConvAE` consume at batch `batch`"
    torch.manual_seed(0)
    model, x = Small3DConvAE(), torch.rand(batch, 1, 16, 64, 64)
    opt = torch.optim.Adam(model.parameters(), 1e-3)
    def step():
        loss = nn.functional.mse_loss(model(x), x); opt.zero_grad(); loss.backward(); opt.step()
    step()
    return batch * steps / sum(timed(step) for _ in range(steps))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--videos', type=int, default=4096, help='videos per timed run of the vectorised generator')
    ap.add_argument('--reference-videos', type=int, default=300, help='videos per timed run of the reference')
    a = ap.parse_args()
    torch.set_num_threads(1)
    rows = []
    for R in (64, 32, 128):
        ds = MovingMNISTDataset(sequence_length=16, resolution=R, videos_per_digit=max(a.videos, a.reference_videos))
        for i in (0, 1, 7, 123):   # the reference makes the same videos, bit for bit
            assert torch.equal(reference_video(ds, i), ds[i]['video']), i
        ref = rate(lambda: [reference_video(ds, i) for i in range(a.reference_videos)], a.reference_videos)
        b32 = rate(lambda: [ds.generate(range(s, s + 32)) for s in range(0, a.videos, 32)], a.videos // 32 * 32)
        b8 = rate(lambda: [ds.generate(range(s, s + 8)) for s in range(0, a.videos // 4, 8)], a.videos // 4 // 8 * 8)
        rows.append((f'{R}x{R}x16', ref, b8, b32))
    train1 = train_step_rate()
    torch.set_num_threads(2); train2 = train_step_rate(); torch.set_num_threads(1)
    print(f"Moving MNIST generation, 2 digits, bounce, 1 core (torch.set_num_threads(1)); {platform.processor() or platform.machine()}, "
          f"torch {torch.__version__}, numpy {np.__version__}\n")
    print('| videos | per-frame reference (videos/s) | vectorised, batch 8 | vectorised, batch 32 | speed-up (batch 8) | speed-up (batch 32) |')
    print('|---|---|---|---|---|---|')
    for name, ref, b8, b32 in rows:
        print(f'| {name} | {ref:,.0f} | {b8:,.0f} | {b32:,.0f} | {b8 / ref:.1f}x | {b32 / ref:.1f}x |')
    print(f'\nA training step of a small 3D conv autoencoder (Small3DConvAE, batch 8 of 1x16x64x64, forward+backward+Adam) '
          f'consumes {train1:,.1f} videos/s on 1 core and {train2:,.1f} videos/s on 2 cores of this CPU.')

if __name__ == '__main__': main()
