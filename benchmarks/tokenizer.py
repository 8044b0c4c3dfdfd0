"""Training throughput and peak memory of our VQVAE against VideoGPT's published VQ-VAE for Moving MNIST, in one run.

    PYTHONPATH=. python benchmarks/tokenizer.py                                   # CPU, batch 2
    PYTHONPATH=. python benchmarks/tokenizer.py --device cuda --batch_size 16 --steps 50 --precision bf16
    PYTHONPATH=. python benchmarks/tokenizer.py --evaluate RUN/vqvae.pt --data_path traj.h5     # held-out quality

Reference: a faithful small re-implementation of VideoGPT's VQ-VAE (benchmarks/videogpt_vqvae.py) with the configuration
VideoGPT used for Moving MNIST: embedding_dim 64, n_codes 512, n_res_layers 2, downsample 4 4 4, n_hiddens 240,
16x64x64 one-channel videos. Each model trains in a fresh subprocess (so peak memory is its own) on the same Moving MNIST
batches, one optimiser step per iteration (forward, every loss, backward, step); the first `--warmup` steps (k-means /
codebook initialisation, allocator warm-up, compilation) are not timed. Prints a markdown table with ratios to the
reference.
"""
import argparse, json, os, resource, statistics, subprocess, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MODELS = {  # name -> (description, constructor kwargs)
    'videogpt': ("VideoGPT VQ-VAE (reference re-implementation): 240 hidden, BatchNorm, axial attention, Adam", {}),
    'ours-videogpt-size': ("our VQVAE at VideoGPT's size: widths 32 (full res), 240, 240; 2 res layers with axial attention; EMA 512x64",
                           dict(hidden_dims=(32, 240), n_res_layers=2, strides=(4, 4, 4), attention=True, embedding_dim=64, codebook_size=512)),
    'ours-gpu': ("our GPU recipe: widths 128, 256; patch 2,2,2; 2 res layers; EMA 1024x64",
                 dict(hidden_dims=(128, 256), n_res_layers=2, strides=(4, 4, 4), patch_size=(2, 2, 2), embedding_dim=64, codebook_size=1024)),
    'ours-cpu': ("our CPU recipe: widths 32, 64; patch 2,2,2; 2 res layers; EMA 512x32",
                 dict(hidden_dims=(32, 64), n_res_layers=2, strides=(4, 4, 4), patch_size=(2, 2, 2), embedding_dim=32, codebook_size=512)),
}


def batches(n, batch_size, channels):
    "`n` Moving MNIST batches (b, c, 16, 64, 64) from the project's on-the-fly dataset"
    import torch
    from magvit_traj.moving_mnist import MovingMNISTDataset
    ds = MovingMNISTDataset(sequence_length=16, train=True, resolution=64, num_digits=2)
    out = []
    for i in range(n):
        v = torch.stack([ds[(i * batch_size + j) % len(ds)]['video'] for j in range(batch_size)])
        out.append(v.expand(-1, channels, -1, -1, -1).contiguous())
    return out


def run_one(name, a):
    "Train model `name` for warmup + steps iterations; return its figures (runs in its own process)"
    import torch
    sys.path.insert(0, str(ROOT / 'benchmarks'))
    torch.manual_seed(0)
    dev = torch.device(a.device)
    if a.threads: torch.set_num_threads(a.threads)
    if name == 'videogpt':
        from videogpt_vqvae import VideoGPTVQVAE
        model = VideoGPTVQVAE(in_channels=a.channels).to(dev)
        opt = torch.optim.Adam(model.parameters(), lr=3e-4)
        step_loss = lambda x: model(x)[0]
    else:
        from magvit_traj.vqvae import VQVAE
        model = VQVAE(in_channels=a.channels, **MODELS[name][1]).to(dev)
        opt = torch.optim.AdamW(model.parameters(), lr=3e-4)
        step_loss = lambda x: model(x)[1]['loss']
    if a.compile: model.compile()
    data = [b.to(dev) for b in batches(4, a.batch_size, a.channels)]
    amp = torch.autocast(dev.type, dtype=torch.bfloat16, enabled=a.precision == 'bf16')
    sync = torch.cuda.synchronize if dev.type == 'cuda' else (lambda: None)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    times, cpu = [], []
    for i in range(a.warmup + a.steps):
        if i == a.warmup and dev.type == 'cuda': torch.cuda.reset_peak_memory_stats()
        sync(); t, c = time.perf_counter(), time.process_time()
        with amp: loss = step_loss(data[i % len(data)])
        loss.backward(); opt.step(); opt.zero_grad(set_to_none=True)
        sync(); times.append(time.perf_counter() - t); cpu.append(time.process_time() - c)
    timed = times[a.warmup:]
    peak = (torch.cuda.max_memory_allocated() / 2**20 if dev.type == 'cuda'
            else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - rss0)
    return dict(name=name, params=sum(p.numel() for p in model.parameters()), steps_s=1 / statistics.median(timed),
                step_ms_min=1000 * min(timed), cpu_s=statistics.median(cpu[a.warmup:]), peak_mb=peak, loss=float(loss))


def evaluate(a):
    "PSNR, SSIM and dot-centroid errors (the metrics notebook's definitions) of a checkpoint on a held-out split"
    # centroid_err_*: metrics.centroid_errors (darkness below 0.2 ignored); *_no_threshold: every bit of darkness counts
    import numpy as np, torch
    from einops import rearrange
    from magvit_traj.vqvae import VQVAE
    from magvit_traj.data import VideoData, add_data_args
    from magvit_traj.metrics import centroid_errors, summarize_errors, ssim
    model = VQVAE.from_checkpoint(a.evaluate, map_location=a.device).to(a.device)
    args = add_data_args(argparse.ArgumentParser()).parse_args(['--data_path', a.data_path, '--batch_size', str(a.batch_size)])
    dm = VideoData(args)
    dl = dm.test_dataloader() if a.split == 'test' else dm.val_dataloader()
    sse, n, errs, errs0, ss = 0., 0, [], [], []
    t = time.time()
    with torch.no_grad():
        for batch in dl:
            v = batch['video'].to(a.device)
            r = model.decode(model.encode(v))
            p, q = (rearrange(x.float().cpu(), 'b c t h w -> b t c h w') for x in (r, v))
            sse += float(((p - q) ** 2).sum()); n += p.numel()
            errs.append(centroid_errors(p, q)); errs0.append(centroid_errors(p, q, threshold=0.0)); ss.append(ssim(p, q) * len(p))
    e = np.concatenate(errs)
    summ = summarize_errors(e, diagonal=float(np.hypot(*v.shape[-2:])))
    print(json.dumps(dict(checkpoint=str(a.evaluate), split=a.split, videos=len(e), psnr=10 * np.log10(n / sse),
                          ssim=sum(ss) / len(e), centroid_err_mean=summ['mean'], centroid_err_p95=summ['p95'],
                          centroid_err_max=float(np.nanmax(e)), frames_without_dot=summ['missing'],
                          centroid_err_mean_no_threshold=float(np.nanmean(np.concatenate(errs0))),
                          seconds=round(time.time() - t, 1)), indent=1))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--device', default='cpu')
    p.add_argument('--batch_size', type=int, default=2)
    p.add_argument('--steps', type=int, default=5, help='timed steps per model')
    p.add_argument('--warmup', type=int, default=2, help='untimed steps first')
    p.add_argument('--channels', type=int, default=1, help='Moving MNIST: 1')
    p.add_argument('--precision', choices=('32', 'bf16'), default='32')
    p.add_argument('--compile', action='store_true', help='torch.compile every model (nn.Module.compile)')
    p.add_argument('--threads', type=int, default=0, help='torch threads (0: default)')
    p.add_argument('--models', nargs='+', default=list(MODELS), choices=list(MODELS))
    p.add_argument('--evaluate', metavar='CKPT', help='instead: evaluate this checkpoint (vqvae.pt or last.ckpt)')
    p.add_argument('--data_path', help='with --evaluate: a trajectory .h5 file (its held-out split is used)')
    p.add_argument('--split', choices=('val', 'test'), default='test', help='with --evaluate')
    p.add_argument('--_one', help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.evaluate:
        evaluate(a); return
    if a._one:
        print(json.dumps(run_one(a._one, a))); return
    import torch
    rows = []
    for name in a.models:
        args = [a_ for a_ in sys.argv[1:] if not a_.startswith('--models')]
        args = [x for x in args if x not in a.models]
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get('PYTHONPATH', '')]), PYTHONWARNINGS='ignore')
        r = subprocess.run([sys.executable, __file__, *args, '--_one', name], capture_output=True, text=True, env=env)
        if r.returncode: sys.exit(f"{name} failed:\n{r.stderr[-3000:]}")
        rows.append(json.loads(r.stdout.strip().splitlines()[-1]))
        print(f"  {name}: {rows[-1]['steps_s']:.3f} steps/s", file=sys.stderr)
    ref = next((r for r in rows if r['name'] == 'videogpt'), rows[0])
    dev = torch.cuda.get_device_name() if a.device.startswith('cuda') else f"CPU ({os.cpu_count()} cores, {torch.get_num_threads()} threads)"
    mem = 'peak allocated MB (CUDA)' if a.device.startswith('cuda') else 'peak RSS growth MB'
    load = os.getloadavg()[0] if hasattr(os, 'getloadavg') else float('nan')
    print(f"\n{dev}; load average {load:.1f}; torch {torch.__version__}; batch {a.batch_size} x {a.channels}x16x64x64; precision {a.precision}"
          f"{'; compiled' if a.compile else ''}; median of {a.steps} steps after {a.warmup} warm-up\n")
    print(f"| model | params | steps/s | vs reference | samples/s | CPU s per step | CPU time vs reference | {mem} | memory vs reference |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {MODELS[r['name']][0]} | {r['params'] / 1e6:.2f}M | {r['steps_s']:.3f} | {r['steps_s'] / ref['steps_s']:.2f}x "
              f"| {r['steps_s'] * a.batch_size:.1f} | {r['cpu_s']:.2f} | {ref['cpu_s'] / r['cpu_s']:.2f}x faster "
              f"| {r['peak_mb']:.0f} | {r['peak_mb'] / max(ref['peak_mb'], 1e-9):.2f}x |")


if __name__ == '__main__':
    main()
