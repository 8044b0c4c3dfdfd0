"""Run the notebooks whose tests train something under other seeds, thread counts and CPU kernels.

A seeded test that trains lands elsewhere on another CPU (AMD and Intel pick different float kernels), another thread
count or another seed. This runs each notebook once per combination of
  --seeds    an offset added to every torch.manual_seed / torch.Generator.manual_seed / seed_everything the tests call
  --threads  the thread count torch uses, whatever the notebook sets (its torch.set_num_threads is overridden)
  --isa      'native', or a lower instruction set for ATen and oneDNN ('avx2': the kernels an AMD EPYC without
             AVX-512 runs; 'default': no vector extensions at all)
and prints a table of pass/fail and seconds. Exit status 1 if any run failed.

    python .ci/check_portability.py                       # the training notebooks, 3 seeds x 1 and 2 threads x native/avx2
    python .ci/check_portability.py --notebooks 08_heads --seeds 0 1 2 3 4
"""
import argparse, itertools, os, subprocess, sys, tempfile, textwrap, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAINING_NOTEBOOKS = ['06_vqvae', '07_transformer', '07a_train_codes', '07b_videogpt', '08_heads', '08b_motion']

# Imported by every Python process of a run (it is on PYTHONPATH as sitecustomize): shifts the seeds and pins threads.
SITECUSTOMIZE = textwrap.dedent('''
    import os
    _off, _threads = int(os.environ.get('PORTABILITY_SEED_OFFSET', '0')), os.environ.get('PORTABILITY_THREADS')
    if _off or _threads:
        import torch
        if _threads:
            _set = torch.set_num_threads
            _set(int(_threads))
            torch.set_num_threads = lambda n: _set(int(_threads))
        if _off:
            _manual_seed = torch.manual_seed
            def manual_seed(seed): return _manual_seed(int(seed) + _off)
            torch.manual_seed = torch.random.manual_seed = manual_seed
            class Generator(torch.Generator):
                def manual_seed(self, seed): return super().manual_seed(int(seed) + _off)
            torch.Generator = Generator
''')

ISA = {'native': {}, 'avx2': {'ATEN_CPU_CAPABILITY': 'avx2', 'ONEDNN_MAX_CPU_ISA': 'AVX2'},
       'default': {'ATEN_CPU_CAPABILITY': 'default', 'ONEDNN_MAX_CPU_ISA': 'SSE41'}}

def run_one(nb:Path, seed:int, threads:int, isa:str, site:Path)->tuple[bool, float, str]:
    env = dict(os.environ, PYTHONPATH=f"{site}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
               PORTABILITY_SEED_OFFSET=str(seed), PORTABILITY_THREADS=str(threads), **ISA[isa])
    t0 = time.perf_counter()
    r = subprocess.run(['nbdev_test', '--path', str(nb), '--n_workers', '0'], cwd=ROOT, env=env, capture_output=True, text=True)
    err = (r.stderr.strip().splitlines() or [''])[-1]
    return r.returncode == 0, time.perf_counter() - t0, err

def main(argv=None)->int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--notebooks', nargs='+', default=TRAINING_NOTEBOOKS, help='names in nbs/ (without .ipynb)')
    p.add_argument('--seeds', nargs='+', type=int, default=[0, 1, 2], help='seed offsets')
    p.add_argument('--threads', nargs='+', type=int, default=[1, 2])
    p.add_argument('--isa', nargs='+', default=['native', 'avx2'], choices=tuple(ISA))
    a = p.parse_args(argv)
    failed = 0
    with tempfile.TemporaryDirectory() as site:
        (Path(site)/'sitecustomize.py').write_text(SITECUSTOMIZE)
        print(f"{'notebook':<18} {'seed':>4} {'threads':>7} {'isa':>7}  result  seconds")
        for name, seed, threads, isa in itertools.product(a.notebooks, a.seeds, a.threads, a.isa):
            ok, dt, err = run_one(ROOT/'nbs'/f'{name}.ipynb', seed, threads, isa, Path(site))
            failed += not ok
            print(f"{name:<18} {seed:>4} {threads:>7} {isa:>7}  {'pass' if ok else 'FAIL'}  {dt:7.1f}" + ('' if ok else f"  {err[:120]}"),
                  flush=True)
    print(f"{failed} of {len(a.notebooks) * len(a.seeds) * len(a.threads) * len(a.isa)} runs failed")
    return 1 if failed else 0

if __name__ == '__main__': sys.exit(main())
