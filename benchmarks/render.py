"""Rendering and dataset-generation speed, measured against simple references in the same run.

    python benchmarks/render.py            # full run: 30,000 samples to HDF5 (about a minute)
    python benchmarks/render.py --quick    # 3,000 samples
    python benchmarks/render.py --generate_only --sizes 3000 30000 300000   # streaming: peak memory vs samples

Prints markdown tables; the latest figures are in benchmarks/README.md.
"""
import argparse, os, subprocess, sys, tempfile, time, zlib
from pathlib import Path
import numpy as np
import h5py, hdf5plugin

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from magvit_traj.dataset import DatasetConfig, render_samples
from magvit_traj.trajectories import sample_trajectories, sample_cameras
from magvit_traj.camera import project
from magvit_traj.render import render_videos, render_videos_reference


def timed(fn, repeat=3):
    "Best CPU seconds of this process over `repeat` runs (the machine may be shared; the work is single-threaded)"
    best = float('inf')
    for _ in range(repeat):
        t = time.process_time(); out = fn(); best = min(best, time.process_time() - t)
    return best, out


def bench_renderer(n_ref=100, n_vec=1000):
    idx = np.arange(n_vec)
    tr = sample_trajectories(idx, 0, 16); uv = project(sample_cameras(tr, 0, idx, 64), tr.points).uv
    t_ref, ref = timed(lambda: render_videos_reference(uv[:n_ref], 64))
    t_f32, vec = timed(lambda: render_videos(uv, 64))
    t_u8, _ = timed(lambda: render_videos(uv, 64, dtype='uint8'))
    assert np.array_equal(vec[:n_ref], ref), "vectorised and reference renderers disagree"
    ref_sps = n_ref / t_ref
    print("\n### Renderer (64x64x3, 16 frames, one core; best of 3, CPU seconds)\n")
    print("| renderer | samples | seconds | samples/s | vs reference |\n|---|---|---|---|---|")
    print(f"| per-frame reference (numpy over the full image, Python loop over frames) | {n_ref} | {t_ref:.3f} | {ref_sps:,.0f} | 1.0x |")
    print(f"| vectorised, float32 output | {n_vec} | {t_f32:.3f} | {n_vec / t_f32:,.0f} | {n_vec / t_f32 / ref_sps:.1f}x |")
    print(f"| vectorised, uint8 output (what `generate` stores) | {n_vec} | {t_u8:.3f} | {n_vec / t_u8:,.0f} | {n_vec / t_u8 / ref_sps:.1f}x |")
    return uv


def bench_filters(n=1000):
    cfg = DatasetConfig(num_samples=n)
    v = render_samples(cfg, 0, n)['videos']
    raw = v.nbytes
    print(f"\n### HDF5 compression of the video chunks ({n} samples, one chunk per sample, {raw / n / 1024:.0f} KiB raw each, one process, CPU seconds)\n")
    print("| filter | MB per 30k samples | write s per 1k | read s per 1k |\n|---|---|---|---|")
    filters = [('gzip 1 (h5py)', dict(compression='gzip', compression_opts=1)),
               ('gzip 6 (h5py)', dict(compression='gzip', compression_opts=6)),
               ('lzf (h5py)', dict(compression='lzf')),
               ('Blosc lz4 + shuffle (hdf5plugin)', hdf5plugin.Blosc(cname='lz4', clevel=5, shuffle=hdf5plugin.Blosc.SHUFFLE)),
               ('Blosc zstd 3 (hdf5plugin)', hdf5plugin.Blosc(cname='zstd', clevel=3, shuffle=hdf5plugin.Blosc.NOSHUFFLE)),
               ('Zstd 1 (hdf5plugin)', hdf5plugin.Zstd(clevel=1)),
               ('Zstd 3 (hdf5plugin) - the default', hdf5plugin.Zstd(clevel=3)),
               ('Zstd 9 (hdf5plugin)', hdf5plugin.Zstd(clevel=9))]
    with tempfile.TemporaryDirectory() as d:
        for name, kw in filters:
            p = Path(d) / 'f.h5'
            t0 = time.process_time()
            with h5py.File(p, 'w') as f:
                ds = f.create_dataset('v', v.shape, np.uint8, chunks=(1,) + v.shape[1:], **kw)
                for i in range(0, n, 256): ds[i:i + 256] = v[i:i + 256]
            tw = time.process_time() - t0
            t0 = time.process_time()
            with h5py.File(p, 'r') as f:
                for i in range(n): f['v'][i]
            tr = time.process_time() - t0
            print(f"| {name} | {p.stat().st_size / n * 30000 / 1e6:.0f} | {tw / n * 1000:.2f} | {tr / n * 1000:.2f} |")


_PEAK = """
import os, runpy, sys, threading, time
def hwm(pid):
    try:
        for l in open(f'/proc/{pid}/status'):
            if l.startswith('VmHWM'): return int(l.split()[1]) / 1024
    except OSError: return 0
def kids():
    out = []
    for t in os.listdir('/proc/self/task'):
        try: out += open(f'/proc/self/task/{t}/children').read().split()
        except OSError: pass
    return out
peak_child = 0
def poll():
    global peak_child
    while True:
        for k in kids(): peak_child = max(peak_child, hwm(k))
        time.sleep(0.05)
threading.Thread(target=poll, daemon=True).start()
sys.argv = sys.argv[1:]; t = time.perf_counter()
try: runpy.run_module('magvit_traj.cli', run_name='__main__')
except SystemExit as e:
    if e.code: raise
import resource
cpu = sum(getattr(resource.getrusage(w), k) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN) for k in ('ru_utime', 'ru_stime'))
print('TIME', time.perf_counter() - t); print('CPU', cpu); print('PEAK', hwm('self'), peak_child)
"""

def bench_generate(n, workers=2):
    "Run the whole `generate` command in a fresh process; peak RSS read from VmHWM (per process, not inherited)"
    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / 'traj.h5'
        args = ['magvit_traj.cli', 'generate', '--num-samples', str(n), '--out', str(out), '--workers', str(workers), '--quiet']
        env = {**os.environ, 'PYTHONPATH': str(Path(__file__).resolve().parents[1])}
        r = subprocess.run([sys.executable, '-c', _PEAK, *args], capture_output=True, text=True, env=env)
        if r.returncode: raise SystemExit(r.stderr)
        lines = dict(l.split(' ', 1) for l in r.stdout.splitlines() if l.startswith(('TIME', 'CPU', 'PEAK')))
        main_mb, child_mb = (float(x) for x in lines['PEAK'].split())
        return float(lines['TIME']), float(lines['CPU']), out.stat().st_size / 1e6, main_mb, child_mb


if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--quick', action='store_true', help='generate 3,000 samples only')
    ap.add_argument('--sizes', type=int, nargs='+', default=None, help='numbers of samples for the generate table (default 3000 30000)')
    ap.add_argument('--generate_only', action='store_true', help='skip the renderer and filter tables')
    a = ap.parse_args()
    import torch; torch.set_num_threads(1)
    print(f"machine: {os.cpu_count()} cores; numpy {np.__version__}, h5py {h5py.__version__}, zlib {zlib.ZLIB_VERSION}")
    if not a.generate_only:
        bench_renderer()
        bench_filters()
    sizes = a.sizes or ([3000] if a.quick else [3000, 30000])
    print("\n### `magvit-traj generate` to HDF5 (64x64x3x16, Zstd 3, 2 workers; time from the command's start, imports excluded)\n")
    print(f"load average before: {os.getloadavg()[0]:.1f}\n")
    print("| samples | wall s | CPU s (all processes) | samples/s (wall) | file MB | peak RSS main MB | peak RSS largest worker MB |\n|---|---|---|---|---|---|---|")
    for n in sizes:
        t, cpu, mb, rm, rc = bench_generate(n)
        print(f"| {n:,} | {t:.1f} | {cpu:.1f} | {n / t:,.0f} | {mb:.0f} | {rm:.0f} | {rc:.0f} |")
