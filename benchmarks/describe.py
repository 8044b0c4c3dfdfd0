"""describe and lift_3d on the small quickstart's held-out videos, with the trained classifier as prior ("model") and
without it ("classical": the family with the best BIC; both among the fits within their family's ranges, see
09a_recover), on clean renders, with the dot drawn smaller with depth
(`perspective_size`), and with Gaussian position noise on the 3D path. Prints one Markdown table.

    magvit-traj quickstart --out runs/quickstart          # the small model (13 min on 2 cores), if not there yet
    python benchmarks/describe.py --model runs/quickstart/model > benchmarks/results/describe_cpu.md

Fitting is deterministic (scipy least squares from fixed starts), so the table repeats; the seconds are this machine's.
"""
from dataclasses import dataclass

CONDITIONS = {   # name: generate_dataset arguments beyond the small configuration's
    'clean': dict(),
    'dot size shrinks with depth': dict(perspective_size=True),
    'position noise 0.02': dict(noise_std=0.02),
    'position noise 0.05': dict(noise_std=0.05),
    'noise 0.05, dot size shrinks with depth': dict(noise_std=0.05, perspective_size=True),
}

@dataclass
class Args:
    model: str = 'runs/quickstart/model'  # a model folder (tokenizer, classifier)
    n: int = 256                          # held-out videos per condition (seed 1, as the quickstart)
    workers: int = 2                      # processes fitting in parallel

def main(argv=None):
    from magvit_traj.core import CLIParser, config_flags, from_namespace
    a = from_namespace(Args, config_flags(CLIParser(prog='describe.py', description=__doc__.splitlines()[0]), Args).parse_args(argv))
    from magvit_traj.motion import MotionModel
    from magvit_traj.dataset import generate_dataset
    from magvit_traj.quickstart import CONFIGS
    from magvit_traj.recover import evaluate_description
    model = MotionModel.from_checkpoint(a.model, device='cpu')
    d = CONFIGS['small'].dataset
    print(f"| condition ({a.n} videos, {d['sequence_length']} frames of {d['resolution']} px) | prior | family | re-rendered equation vs dot, mean px | rotation sense | 3D path error, share of extent (p95) | fit s/video/core |")
    print('|---|---|---|---|---|---|---|')
    for name, kw in CONDITIONS.items():
        data = generate_dataset(a.n, d['sequence_length'], d['resolution'], d['channels'], seed=1, **kw)
        m = evaluate_description(model, data, perspective_size=kw.get('perspective_size', False), workers=a.workers)
        for who in ('model', 'classical'):
            s = m[who]
            print(f"| {name} | {'classifier' if who == 'model' else 'none (classical)'} | {s['family_accuracy']:.1%} | {s['rerender_px']:.3f} | "
                  f"{s['rotation_accuracy']:.1%} | {s['path_error']:.2%} ({s['path_error_p95']:.2%}) | {m['fit_seconds_per_video'] * a.workers:.2f} |", flush=True)

if __name__ == '__main__': main()
