"""Issue 13: draw only a video's first latent frames at the sampling temperature, and the rest of its path at a lower one?
Judges the quickstart's text model with `evaluate_text_generation` on 128 sentences of seed 2 (not the reported seed 1)
for each (free_frames, late_temperature) below, at temperature 0.5, guided (1.0) and not. Prints one Markdown table and
the family per stated family; the small configuration's `free_frames` and `late_temperature` are chosen from it.

    magvit-traj quickstart --out runs/quickstart --with language
    python benchmarks/text_free_frames.py --model runs/quickstart/model > benchmarks/results/text_free_frames_cpu.md   # about 20 min on 2 cores
    python benchmarks/text_free_frames.py --sentences 512 --guidances 1.0 --chosen_only > benchmarks/results/text_free_frames_512_cpu.md
"""
import sys
from dataclasses import dataclass

SETTINGS = ((None, 0.), (1, 0.), (2, 0.), (4, 0.), (2, 0.1), (8, 0.))   # (free_frames, late_temperature); None: every code at the temperature

@dataclass
class Args:
    model: str = 'runs/quickstart/model'   # a model folder with text.pt (the quickstart's)
    seed: int = 2                          # of the sentences: 2 chooses, 1 is what the quickstart reports
    sentences: int = 128                   # how many
    temperature: float = 0.5               # of the free frames
    guidances: tuple = (1.0, 0.0)          # each setting is judged at these classifier-free guidance scales
    chosen_only: bool = False              # only every code at the temperature, and the small configuration's choice (2, 0)

def main(argv=None)->int:
    from magvit_traj.core import CLIParser, config_flags, from_namespace
    a = from_namespace(Args, config_flags(CLIParser(prog='text_free_frames.py', description=__doc__.splitlines()[0]), Args).parse_args(argv))
    from magvit_traj.quickstart import CONFIGS
    from text_decoding import print_judged, text_model_and_sentences    # benchmarks/, the folder of this script
    from _table import print_header
    lc = CONFIGS['small'].language
    model, test, train = text_model_and_sentences(a.model, a.seed, a.sentences)
    tc = model.text_model.config
    print(f"Generation from {len(test)} sentences of seed {a.seed}, judged by describe through the language camera; model {a.model} "
          f"(its own decoding: temperature {tc.temperature:g}, guidance {tc.guidance:g}, free_frames {tc.free_frames}, late_temperature {tc.late_temperature:g})\n")
    print_header('free frames', 'late temperature', 'temperature', 'guidance', 'family', 'rotation sense', 'size within 25%',
                 'pairs: flipped sense turns the other way', 'pairs: radius 1.5 > 0.9')
    rows = []
    for free, late in (SETTINGS[0], SETTINGS[2]) if a.chosen_only else SETTINGS:
        tc.free_frames, tc.late_temperature = free, late
        judged = print_judged(model, test, train, [(a.temperature, g) for g in a.guidances], lc.pairs, f"| {free or 'all'} | {late:g}")
        rows += [(free, late, g, m) for g, m in zip(a.guidances, judged)]
    fams = list(rows[0][3]['model']['by_family'])
    print("\nFamily as stated, per stated family\n")
    print_header('free frames', 'late temperature', 'guidance', *fams)
    for free, late, g, m in rows: print(f"| {free or 'all'} | {late:g} | {g:g} | " + ' | '.join(f"{m['model']['by_family'][f]:.1%}" for f in fams) + ' |')
    return 0

if __name__ == '__main__': sys.exit(main())
