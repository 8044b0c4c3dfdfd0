"""Issue 13: how should the text-to-video model decode? Trains the small quickstart's language stage (its tokenizer,
its class-conditional transformer as the start, its steps and sizes) once per variant, then judges generation from
128 held-out sentences with `evaluate_text_generation` at each sampling temperature and guidance. Prints one Markdown table.

    magvit-traj quickstart --out runs/quickstart --with language        # the tokenizer and transformer to start from
    python benchmarks/text_decoding.py --run runs/quickstart > benchmarks/results/text_decoding_cpu.md

A variant whose folder under --out already holds a text.pt is judged, not retrained. Training stops on step counts and
every draw is seeded, so the table repeats on any machine and under any load.
"""
import sys
from dataclasses import dataclass
from pathlib import Path

VARIANTS = {   # name: (decoding, training videos, steps (None: the small configuration's), (temperature, guidance) judged); same batch and model
    'reconstruction': (None, 0, 0, ()),   # no model: the test videos' own tokenizer reconstructions, the ceiling of any generator on these codes
    'masked_6k': ('masked', 6000, None, ((1.0, 0.),)),                  # the language stage before this study
    'autoregressive_6k': ('autoregressive', 6000, None, ((1.0, 0.), (0.5, 0.))),
    'autoregressive_24k': ('autoregressive', 24000, None, ((1.0, 0.), (0.5, 0.), (0.3, 0.), (0.5, 1.))),  # the small configuration: (0.5, 1)
    'autoregressive_24k_2x_steps': ('autoregressive', 24000, 16000, ((0.5, 0.), (0.5, 1.))),  # does training longer help?
}

@dataclass
class Args:
    run: str = 'runs/quickstart'         # a small quickstart run folder: tokenizer/vqvae.pt, transformer/transformer.pt
    out: str = 'benchmarks/out/text_decoding'  # one text model per variant
    variants: tuple = tuple(VARIANTS)    # which to train and judge

def main(argv=None)->int:
    from magvit_traj.core import CLIParser, config_flags, from_namespace
    a = from_namespace(Args, config_flags(CLIParser(prog='text_decoding.py', description=__doc__.splitlines()[0]), Args,
                                          flag_kwargs=dict(variants=dict(choices=tuple(VARIANTS)))).parse_args(argv))
    import json, logging, warnings
    for n in ('lightning', 'lightning.pytorch', 'lightning.fabric'): logging.getLogger(n).setLevel(logging.ERROR)
    warnings.filterwarnings('ignore')
    from magvit_traj.quickstart import CONFIGS
    import torch
    from magvit_traj.text import train_text_model, language_dataset, judge_videos, sentence_request, _agreement
    from magvit_traj.dataset import render_samples
    from magvit_traj.vqvae import VQVAE
    from magvit_traj.checkpoints import load_code_model
    from magvit_traj.motion import MotionModel
    from _table import print_header          # benchmarks/, the folder of this script
    run, out = Path(a.run), Path(a.out)
    tok_path, start = run/'tokenizer'/'vqvae.pt', run/'transformer'/'transformer.pt'
    cfg = CONFIGS['small']
    d, lc = cfg.dataset, cfg.language
    samples = lambda n, seed, stop: render_samples(language_dataset(n, d['sequence_length'], d['resolution'], d['channels'], seed), 0, stop)
    held = samples(lc.eval_sentences, 1, lc.eval_sentences)     # the quickstart's test sentences, and their own videos
    test = list(held['descriptions'])
    print(f"Generation from {len(test)} held-out sentences (seed 1), judged by describe through the language camera; "
          f"batch {lc.batch_size}, started from {start}\n")
    print_header('variant', 'decoding', 'training videos', 'steps', 'val loss', 'temperature', 'guidance', 'family', 'rotation sense',
                 'size within 25%', 'pairs: flipped sense turns the other way', 'pairs: radius 1.5 > 0.9')
    for name in a.variants:
        decoding, n, steps, settings = VARIANTS[name]
        if decoding is None:
            tok = MotionModel(VQVAE.from_checkpoint(tok_path), device='cpu')
            g = _agreement([sentence_request(s) for s in test], judge_videos(tok.reconstruct(torch.from_numpy(held['videos']).float() / 255), workers=2))
            print(f"| {name} | | | | | | | {g['family']:.1%} | {g['sense']:.1%} | {g['size_within_25']:.1%} | | |", flush=True)
            continue
        folder = out/name
        model_cfg = dict(lc.model, decoding=decoding, guidance=0.)   # each setting below says its guidance
        if not (folder/'text.pt').exists():
            train_text_model(tok_path, folder, n, d['sequence_length'], d['resolution'], d['channels'], model=model_cfg, init_from=start,
                             max_steps=steps or lc.max_steps, batch_size=lc.batch_size, lr=lc.lr, warmup_steps=lc.warmup_steps,
                             val_every=lc.val_every, progress=False, accelerator='cpu')
        val_loss = json.loads((folder/'metrics.json').read_text()).get('val/loss', float('nan'))
        model = MotionModel(VQVAE.from_checkpoint(tok_path), text_model=load_code_model(folder/'text.pt', 'text', tok_path), device='cpu')
        train = list(samples(n, 0, int(0.9 * n))['descriptions'])
        print_judged(model, test, train, settings, lc.pairs, f"| {name} | {decoding} | {n:,} | {steps or lc.max_steps:,} | {val_loss:.3f}")
    return 0

def text_model_and_sentences(model_path, seed:int, n:int):
    "The small quickstart's model with its text model, `n` test sentences of `seed`, and the training sentences (for the label-only baseline)"
    import warnings
    warnings.filterwarnings('ignore')
    from magvit_traj.motion import MotionModel
    from magvit_traj.quickstart import CONFIGS
    from magvit_traj.text import language_dataset
    from magvit_traj.dataset import render_samples
    d, lc = CONFIGS['small'].dataset, CONFIGS['small'].language
    sentences = lambda n, seed, stop: list(render_samples(language_dataset(n, d['sequence_length'], d['resolution'], d['channels'], seed), 0, stop)['descriptions'])
    return MotionModel.from_checkpoint(model_path), sentences(n, seed, n), sentences(lc.num_samples, 0, int(0.9 * lc.num_samples))

def print_judged(model, test:list, train:list, settings, pairs:int, lead:str):
    "One Markdown row per (temperature, guidance) in `settings`: the `lead` cells, then what `evaluate_text_generation` measures"
    from magvit_traj.text import evaluate_text_generation
    judged = []
    for t, guide in settings:
        m, _ = evaluate_text_generation(model, test, train, pairs=pairs, workers=2, temperature=t, guidance=guide)
        g = m['model']
        print(f"{lead} | {t:g} | {guide:g} | {g['family']:.1%} | {g['sense']:.1%} | {g['size_within_25']:.1%} | "
              f"{m['pairs_sense']['differ_as_asked']:.1%} | {m['pairs_radius']['differ_as_asked']:.1%} |", flush=True)
        judged.append(m)
    return judged   # the metrics of each setting

if __name__ == '__main__': sys.exit(main())
