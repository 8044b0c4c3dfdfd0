"""Sampling's Gumbel noise: the in-place `_gumbel` the decoders use against the out-of-place formula it replaced
(-log(-log(u)) with the same clamps), on the draws decoding makes, in one run on one machine. Checks the two give the
same values bit for bit, then times each (median of --repeats after one warm-up) and prints a Markdown table.

    python benchmarks/gumbel_noise.py > benchmarks/results/gumbel_noise_cpu.md

Shapes: one decoding step's noise, (videos, latent positions, codes), in the batches the evaluations decode: the Moving
MNIST example's 10 -> 10 protocol (16 videos of 10x8x8 positions, 512 codes), the small quickstart's (32 videos of
16x2x2 positions, 1024 codes), and the example's grid for 256 videos at once.
"""
import sys
from dataclasses import dataclass
from pathlib import Path

try: import magvit_traj  # noqa: F401
except ImportError: sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

@dataclass
class Args:
    repeats: int = 9                       # timed runs per shape and method (fewer: the small draws time noisily)

SHAPES = {'Moving MNIST example, a batch of 16': (16, 640, 512), 'small quickstart, a batch of 32': (32, 64, 1024),
          'Moving MNIST grid, 256 videos at once': (256, 640, 512)}

def reference(shape, g):
    "The formula as it was written before: every step a new tensor"
    import torch
    u = torch.rand(shape, generator=g).clamp(1e-20, 1.)
    return -torch.log((-torch.log(u)).clamp(min=1e-20))

def main(argv=None)->int:
    import torch
    from magvit_traj.core import CLIParser, config_flags, from_namespace
    from magvit_traj.transformer import _gumbel
    from _table import print_header          # benchmarks/, the folder of this script
    from sampling import _timer              # median of repeats after one warm-up
    a = from_namespace(Args, config_flags(CLIParser(prog='gumbel_noise.py', description=__doc__.splitlines()[0]), Args).parse_args(argv))
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, CPU; median of {a.repeats} runs\n")
    print_header('draw', 'shape', 'same values', 'out of place s', 'in place s', 'speed-up')
    for name, shape in SHAPES.items():
        same = torch.equal(reference(shape, torch.Generator().manual_seed(0)), _gumbel(shape, torch.Generator().manual_seed(0), 'cpu'))
        t_ref = _timer(lambda: reference(shape, torch.Generator().manual_seed(0)), a.repeats, 'cpu')
        t_new = _timer(lambda: _gumbel(shape, torch.Generator().manual_seed(0), 'cpu'), a.repeats, 'cpu')
        print(f"| {name} | {tuple(shape)} | {'yes' if same else 'NO'} | {t_ref:.3f} | {t_new:.3f} | {t_ref / t_new:.2f}x |", flush=True)
    return 0

if __name__ == '__main__': sys.exit(main())
