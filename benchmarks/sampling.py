"""Sampling speed: masked (MaskGIT/MAGVIT) decoding in a few parallel steps against autoregressive decoding with a KV cache,
with the same weights and the same token count, in one run on one machine.

    python benchmarks/sampling.py                          # CPU, 4x16x16 tokens, small model, batch 1 and 8
    python benchmarks/sampling.py --device cuda --batch 1 8 32 --dtype bfloat16
    python benchmarks/sampling.py --grid 2 8 8 --uncached  # also the naive autoregressive reference (no cache, O(n^2))

Prints one table row per (method, batch): sequential forward passes, positions pushed through the network per video
(masked decoding recomputes the whole grid every step; the KV cache computes each position once), seconds per batch (median
of --repeats runs after one warm-up), videos per second, and the speed-up over autoregressive decoding with a KV cache.
The weights are random: speed does not depend on them.
"""
from __future__ import annotations
import os, statistics, sys, time
from pathlib import Path

try: import magvit_traj  # noqa: F401
except ImportError: sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch
from magvit_traj.core import CLIParser, run_cli, check_int
from magvit_traj.transformer import MaskedVideoTransformer, TransformerConfig, TASKS


def _timer(fn, repeats:int, device:str)->float:
    "Median wall time of `fn()` over `repeats` runs, after one warm-up run"
    sync = torch.cuda.synchronize if device.startswith('cuda') else (lambda: None)
    fn(); sync()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter(); fn(); sync(); times.append(time.perf_counter() - t0)
    return statistics.median(times)


@torch.no_grad()
def _uncached_autoregressive(model:MaskedVideoTransformer, b:int)->torch.Tensor:
    "The naive reference: one full causal pass over the growing prefix for every code (no KV cache)"
    c, dev = model.config, model.device
    ids = torch.full((b,), TASKS.index('unconditional'), device=dev)
    cls = torch.full((b,), model.null_class, device=dev)
    codes = torch.zeros(b, c.n_tokens, dtype=torch.long, device=dev)
    for i in range(c.n_tokens):
        logits = model.forward_causal(codes[:, :i + 1], ids, cls)[:, i]   # position i from codes[:, :i]
        codes[:, i] = torch.distributions.Categorical(logits=logits.float()).sample()
    return codes


def benchmark(config:TransformerConfig, batches=(1, 8), steps:int=12, repeats:int=3, device:str='cpu',
              dtype:str='float32', uncached:bool=False, seed:int=0)->list[dict]:
    "Time masked and autoregressive decoding of the same model; one dict per (method, batch)"
    torch.manual_seed(seed)
    model = MaskedVideoTransformer(config).to(device=device, dtype=getattr(torch, dtype)).eval()
    rows, n = [], config.n_tokens
    for b in batches:
        b = check_int('batch', b)
        masked = _timer(lambda: model.generate(num_samples=b, steps=steps, seed=seed), repeats, device)
        ar = _timer(lambda: model.generate_autoregressive(num_samples=b, seed=seed), repeats, device)
        rows += [dict(method=f'masked, {steps} steps', batch=b, passes=steps, evals=steps * (n + 2), seconds=masked, speedup=ar / masked),
                 dict(method='autoregressive + KV cache', batch=b, passes=n, evals=n + 1, seconds=ar, speedup=1.0)]
        if uncached:
            ref = _timer(lambda: _uncached_autoregressive(model, b), 1, device)
            rows.append(dict(method='autoregressive, no cache', batch=b, passes=n, evals=n * (n + 3) // 2, seconds=ref, speedup=ar / ref))
    return rows


def _table(rows:list[dict])->str:
    lines = ['| method | batch | sequential passes | positions computed / video | s / batch | videos / s | speed-up vs AR + KV cache |',
             '|---|---:|---:|---:|---:|---:|---:|']
    for r in rows:
        lines.append(f"| {r['method']} | {r['batch']} | {r['passes']} | {r['evals']} | {r['seconds']:.3f} | {r['batch'] / r['seconds']:.2f} | {r['speedup']:.2f}x |")
    return '\n'.join(lines)


def main(argv=None)->int:
    p = CLIParser(prog='benchmarks/sampling.py', description=__doc__.split('\n')[0])
    p.add_flag('grid', type=int, nargs=3, default=[4, 16, 16], help='token grid t h w (16x64x64 videos, strides 4: 4 16 16)')
    p.add_flag('codebook_size', type=int, default=1024)
    p.add_flag('dim', type=int, default=256)
    p.add_flag('depth', type=int, default=8)
    p.add_flag('heads', type=int, default=8)
    p.add_flag('batch', type=int, nargs='+', default=[1, 8], help='batch sizes to time')
    p.add_flag('steps', type=int, default=12, help='masked decoding steps')
    p.add_flag('repeats', type=int, default=3)
    p.add_flag('device', default='cpu')
    p.add_flag('dtype', default='float32', choices=['float32', 'bfloat16', 'float16'])
    p.add_flag('threads', type=int, default=None, help='torch CPU threads (default: torch decides)')
    p.add_flag('uncached', action='store_true', help='also time autoregressive decoding without a KV cache (slow: O(n^2))')
    def action(a):
        if a.threads: torch.set_num_threads(check_int('threads', a.threads))
        cfg = TransformerConfig(codebook_size=a.codebook_size, grid=tuple(a.grid), dim=a.dim, depth=a.depth, heads=a.heads, dropout=0.)
        n_params = sum(p.numel() for p in MaskedVideoTransformer(cfg).parameters())
        print(f"grid {tuple(a.grid)} = {cfg.n_tokens} tokens, codebook {a.codebook_size}, dim {a.dim}, depth {a.depth}, heads {a.heads} "
              f"({n_params / 1e6:.1f}M parameters); device {a.device}, {a.dtype}, torch {torch.__version__}, {torch.get_num_threads()} threads, "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        print(_table(benchmark(cfg, a.batch, a.steps, a.repeats, a.device, a.dtype, a.uncached)))
    return run_cli(p, action, argv)


if __name__ == '__main__': sys.exit(main())
