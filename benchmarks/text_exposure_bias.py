"""Issue 13: train the text model against exposure bias (`input_noise`), or larger, and does the family read from its videos rise?
Retrains the small quickstart's language stage (the same data and start, from `runs/quickstart`, and its steps and model
size unless the variant says) once per variant below, with a share of its training input codes swapped for other codes: codes
drawn from anywhere in the batch, or the model's own guesses (parallel scheduled sampling). Then judges each, as the
quickstart decodes, on 512 sentences of seed 2 (the choosing seed, not the reported seed 1). A variant whose `text.pt` exists is judged, not
retrained. Prints Markdown tables.

    magvit-traj quickstart --out runs/quickstart --with language
    python benchmarks/text_exposure_bias.py --variants model_50 model_100 batch_30 none > benchmarks/results/text_exposure_bias_cpu.md
    python benchmarks/text_exposure_bias.py --variants batch_20 batch_40 > benchmarks/results/text_exposure_bias_sweep_cpu.md
    python benchmarks/text_exposure_bias.py --variants batch_30_16k > benchmarks/results/text_exposure_bias_steps_cpu.md
    python benchmarks/text_exposure_bias.py --variants batch_30_depth8 batch_30_dim128x6 > benchmarks/results/text_exposure_bias_sizes_cpu.md
    # about 15 min per variant on 2 cores (10 to train, 5 to judge)
"""
import sys, json
from dataclasses import dataclass

VARIANTS = dict(none=(0., 'batch'), batch_20=(0.2, 'batch'), batch_30=(0.3, 'batch'), batch_40=(0.4, 'batch'),   # (input_noise, noise_from,
                model_50=(0.5, 'model'), model_100=(1.0, 'model'), batch_30_16k=(0.3, 'batch', 16000),   # steps if not the stage's,
                batch_30_depth8=(0.3, 'batch', None, dict(depth=8)),                  # model sizes if not the stage's)
                batch_30_dim128x6=(0.3, 'batch', None, dict(dim=128, depth=6)))

@dataclass
class Args:
    run: str = 'runs/quickstart'           # a quickstart run with --with language: its tokenizer, transformer and text model
    out: str = 'runs/text_exposure'        # one folder per variant
    variants: tuple = tuple(VARIANTS)      # which (`none`: the stage as it was before input_noise)
    seed: int = 2                          # of the judged sentences
    sentences: int = 512                   # how many

def train_variant(run, out, input_noise:float, noise_from:str, steps:int|None=None, sizes:dict|None=None)->float:
    "The small language stage with this `input_noise` (skipped where `out/text.pt` exists); its validation loss on clean inputs"
    from magvit_traj.quickstart import CONFIGS
    from magvit_traj.text import train_text_model
    if not (out/'text.pt').exists():
        d, lc = CONFIGS['small'].dataset, CONFIGS['small'].language
        train_text_model(run/'tokenizer'/'vqvae.pt', out, lc.num_samples, d['sequence_length'], d['resolution'], d['channels'],
                         model=dict(lc.model, input_noise=input_noise, noise_from=noise_from, **(sizes or {})), init_from=run/'transformer'/'transformer.pt',
                         max_steps=steps or lc.max_steps, batch_size=lc.batch_size, lr=lc.lr, warmup_steps=lc.warmup_steps, val_every=lc.val_every,
                         progress=False)
    return json.loads((out/'metrics.json').read_text())['val/loss']

def main(argv=None)->int:
    from pathlib import Path
    from magvit_traj.core import CLIParser, config_flags, from_namespace, check_choice
    a = from_namespace(Args, config_flags(CLIParser(prog='text_exposure_bias.py', description=__doc__.splitlines()[0]), Args).parse_args(argv))
    for v in a.variants: check_choice('variants', v, tuple(VARIANTS))
    import warnings
    warnings.filterwarnings('ignore')
    from magvit_traj.quickstart import CONFIGS
    from magvit_traj.motion import MotionModel
    from magvit_traj.vqvae import VQVAE
    from magvit_traj.checkpoints import load_code_model
    from text_decoding import print_judged, text_model_and_sentences    # benchmarks/, the folder of this script
    from _table import print_header
    run, lc = Path(a.run), CONFIGS['small'].language
    tok_path = run/'tokenizer'/'vqvae.pt'
    tokenizer = VQVAE.from_checkpoint(tok_path)   # one tokenizer for every variant's model
    _, test, train = text_model_and_sentences(run/'model', a.seed, a.sentences)
    print(f"Generation from {len(test)} sentences of seed {a.seed}, judged by describe through the language camera; each variant is the "
          f"small language stage ({lc.max_steps} steps unless its name says, {lc.num_samples} videos) decoded as the quickstart does\n")
    print_header('variant', 'input_noise', 'noise_from', 'validation loss (clean inputs)', 'temperature', 'guidance', 'family',
                 'rotation sense', 'size within 25%', 'pairs: flipped sense turns the other way', 'pairs: radius 1.5 > 0.9')
    rows = []
    for name in a.variants:
        noise, source, *steps_and_sizes = VARIANTS[name]
        folder = Path(a.out)/name
        loss = train_variant(run, folder, noise, source, *steps_and_sizes)
        model = MotionModel(tokenizer, text_model=load_code_model(folder/'text.pt', 'text', tok_path), device='cpu')
        tc = model.text_model.config
        m, = print_judged(model, test, train, [(tc.temperature, tc.guidance)], lc.pairs, f"| {name} | {noise:g} | {source} | {loss:.3f}")
        rows.append((name, m))
    fams = list(rows[0][1]['model']['by_family'])
    print("\nFamily as stated, per stated family\n")
    print_header('variant', *fams)
    for name, m in rows: print(f"| {name} | " + ' | '.join(f"{m['model']['by_family'][f]:.1%}" for f in fams) + ' |')
    return 0

if __name__ == '__main__': sys.exit(main())
