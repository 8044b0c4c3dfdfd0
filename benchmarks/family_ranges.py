"""Issue 13: should `describe` count a family whose fit has numbers no member of that family has? Fits every family to
fixed-camera videos (the text-to-video data's camera) and prints two Markdown tables:

1. the calibration of `RANGE_TOLERANCE`: how far each video's true family's fit strays outside `FAMILY_RANGES`, on clean
   renders and on the tokenizer's reconstructions (tracks as rough as a model's) of held-out videos of seed 2;
2. the family that `describe` names, by BIC alone and among the fits within the ranges, on videos of seed 1: clean renders,
   reconstructions, and the quickstart text model's videos of the same sentences (its own temperature, the seeds that
   `evaluate_text_generation` uses), with what each family's videos were read as.

    magvit-traj quickstart --out runs/quickstart --with language
    python benchmarks/family_ranges.py --run runs/quickstart > benchmarks/results/family_ranges_cpu.md
"""
import sys
from collections import Counter
from dataclasses import dataclass

@dataclass
class Args:
    run: str = 'runs/quickstart'   # a quickstart run folder with a text model (model/text.pt)
    calibration: int = 256         # videos of seed 2 whose reconstructions set the tolerance
    test: int = 128                # videos (and sentences) of seed 1, as in the quickstart's evaluation
    workers: int = 2               # processes fitting in parallel

def main(argv=None)->int:
    from magvit_traj.core import CLIParser, config_flags, from_namespace
    a = from_namespace(Args, config_flags(CLIParser(prog='family_ranges.py', description=__doc__.splitlines()[0]), Args).parse_args(argv))
    import warnings
    warnings.filterwarnings('ignore')
    import numpy as np, torch
    from pathlib import Path
    from magvit_traj.motion import MotionModel
    from magvit_traj.text import language_dataset, language_camera, sentence_request
    from magvit_traj.dataset import render_samples
    from magvit_traj.recover import fit_videos, choose_family, range_excess, in_family_range, RANGE_TOLERANCE
    from magvit_traj.render import DOT_THRESHOLD
    from magvit_traj.trajectories import FAMILIES
    model = MotionModel.from_checkpoint(Path(a.run)/'model')
    def videos(n, seed):
        s = render_samples(language_dataset(n, 16, 32, 3, seed), 0, n)
        return torch.from_numpy(s['videos']).float() / 255, np.asarray(s['labels']), list(s['descriptions'])
    def fits(v, threshold=DOT_THRESHOLD): return fit_videos(v, language_camera(v.shape[-1], len(v)), threshold=threshold, workers=a.workers)

    print(f"# 1. How far the true family's fit lies outside FAMILY_RANGES (relative excess; 0 = inside), {a.calibration} videos of seed 2\n")
    print("| videos | median | 90th pct | 99th pct | max | share within RANGE_TOLERANCE |")
    print("|---|---|---|---|---|---|")
    clean, labels, _ = videos(a.calibration, 2)
    for name, v, th in (('clean renders', clean, 0.0), ('tokenizer reconstructions', model.reconstruct(clean), DOT_THRESHOLD)):
        ex = np.array([range_excess(row[l]) for row, l in zip(fits(v, th), labels)])
        p = np.percentile(ex, [50, 90, 99, 100])
        print(f"| {name} | {p[0]:.3f} | {p[1]:.3f} | {p[2]:.3f} | {p[3]:.3f} | {np.mean(ex <= RANGE_TOLERANCE):.1%} |", flush=True)
    print(f"\nRANGE_TOLERANCE = {RANGE_TOLERANCE}\n")

    tc = model.text_model.config
    print(f"# 2. Family named by describe on {a.test} videos of seed 1: BIC alone, and among the fits within the ranges "
          f"(the text model at its own temperature {tc.temperature:g} and guidance {tc.guidance:g})\n")
    print("| videos | BIC alone | within ranges | read as, BIC alone (per true family: linear, circular, helical, parabolic) | read as, within ranges |")
    print("|---|---|---|---|---|")
    clean, labels, sentences = videos(a.test, 1)
    gen = torch.cat([model.generate(text=sentences[i:i + 32], seed=i) for i in range(0, len(sentences), 32)])
    wanted = np.array([FAMILIES.index(sentence_request(s)['family']) for s in sentences])
    for name, v, th, truth in (('clean renders', clean, 0.0, labels), ('tokenizer reconstructions', model.reconstruct(clean), DOT_THRESHOLD, labels),
                               ("text model's videos of their sentences", gen, DOT_THRESHOLD, wanted)):
        f = fits(v, th)
        rms = np.array([[x.rms_px for x in row] for row in f])
        row = [f"| {name}"]
        reads = []
        for plausible in (None, [[in_family_range(x) for x in r] for r in f]):
            chosen = choose_family(rms, v.shape[1], plausible=plausible)
            row.append(f"{np.mean(chosen == truth):.1%}")
            reads.append('; '.join(FAMILIES[t][:4] + ': ' + ', '.join(f"{FAMILIES[c][:4]} {n}" for c, n in sorted(Counter(chosen[truth == t]).items()))
                                   for t in range(len(FAMILIES))))
        print(' | '.join(row + reads) + ' |', flush=True)
    return 0

if __name__ == '__main__': sys.exit(main())
