"""Which tokenizer should prediction and interpolation stand on? Runs the quickstart's `small` pipeline once per tokenizer
variant, on the honest protocol (the model is given the known frames only), and prints one table.

Every variant keeps the `small` data, transformer width and classifier, and changes the tokenizer (what a latent frame
holds, and whether its codes may see other frames) and the step counts. Tokenizers that mix time are trained with
COMMIT condition draws (`tokenize(..., conditions=4)`); per-frame ones need none. Training stops on step counts, so
the table repeats on any machine; the minutes are this machine's.

    python benchmarks/conditioning.py --out benchmarks/out/conditioning > benchmarks/results/conditioning_cpu.md
    python benchmarks/conditioning.py --variants frame_1x16x16 --transformer_steps 4000
    python benchmarks/conditioning.py --variants frame_1x16x16 --task_weights 0 1 0 0   # a predict-only transformer
"""
import argparse, sys, time
from pathlib import Path

VARIANTS = {   # name: (tokenizer config changes, what a code holds)
    'full_4x4x4':    (dict(strides=(4, 4, 4), patch_size=(2, 2, 2), codebook_size=512), '4 frames x 4x4 px, sees past and future'),
    'frame_1x8x8':   (dict(strides=(1, 8, 8), patch_size=(1, 2, 2), temporal='frame', codebook_size=512), '1 frame x 8x8 px'),
    'frame_1x16x16': (dict(strides=(1, 16, 16), patch_size=(1, 4, 4), temporal='frame'), '1 frame x 16x16 px'),
    'causal_1x16x16': (dict(strides=(1, 16, 16), patch_size=(1, 4, 4), temporal='causal'), '1 frame x 16x16 px, sees the past'),
    'full_4x8x8':    (dict(strides=(4, 8, 8), patch_size=(2, 4, 4)), '4 frames x 8x8 px, sees past and future'),
}

def config(name:str, tokenizer_steps:int, transformer_steps:int, task_weights=None):
    "The `small` quickstart configuration with the variant's tokenizer, these step counts and (if given) training task mix"
    from dataclasses import replace
    from magvit_traj.quickstart import CONFIGS
    cfg = CONFIGS['small']
    tok = {k: v for k, v in cfg.tokenizer.model.items() if k not in ('strides', 'patch_size', 'temporal', 'codebook_size')}
    tok.update({'temporal': 'full', 'codebook_size': 1024, **VARIANTS[name][0]})
    tr = dict(cfg.transformer.model, **({'task_weights': tuple(task_weights)} if task_weights else {}))
    return replace(cfg, tokenizer=replace(cfg.tokenizer, model=tok, max_steps=tokenizer_steps),
                   transformer=replace(cfg.transformer, model=tr, max_steps=transformer_steps))

def row(name:str, steps:int, m:dict, task_weights=None)->str:
    p, i, g, r = m['prediction'], m['interpolation'], m['generation'], m['reconstruction']
    grid = 'x'.join(str(16 // s) if k == 0 else str(32 // s) for k, s in enumerate(m['config']['tokenizer']['model']['strides']))
    mins = m['stage_minutes']
    label = name if not task_weights else f"{name}, tasks (generate, predict, interpolate, unconditional) = {tuple(task_weights)}"
    return (f"| {label} | {VARIANTS[name][1]} | {grid} | {r['centroid']['mean']:.3f} | {steps} | {mins.get('transformer', float('nan')):.1f} | "
            f"{p['model']['mean']:.2f} | {i['model']['mean']:.2f} | {g['consistency']:.1%} | {g['valid_frames']:.1%} | "
            f"{m['classification']['accuracy']:.1%} |")

def main(argv=None)->int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--variants', nargs='+', default=list(VARIANTS), choices=tuple(VARIANTS))
    ap.add_argument('--tokenizer_steps', type=int, default=3000)
    ap.add_argument('--transformer_steps', type=int, nargs='+', default=[4000])
    ap.add_argument('--task_weights', type=float, nargs=4, default=None, help="the transformer's training mix (default: the small config's)")
    ap.add_argument('--out', default='benchmarks/out/conditioning')
    a = ap.parse_args(argv)
    import logging, warnings
    for n in ('lightning', 'lightning.pytorch', 'lightning.fabric'): logging.getLogger(n).setLevel(logging.ERROR)
    warnings.filterwarnings('ignore')
    from magvit_traj.quickstart import quickstart
    print("| tokenizer | a code holds | grid (t x h x w) | tokenizer centroid error (px) | transformer steps | transformer minutes "
          "| prediction 8 -> 8 (px) | interpolation 4 + 4 -> 8 (px) | generation consistency | valid-dot frames | classification |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name in a.variants:
        for steps in a.transformer_steps:
            t0 = time.perf_counter()
            run = Path(a.out)/(name if not a.task_weights else f"{name}_tasks_{'_'.join(f'{w:g}' for w in a.task_weights)}")
            m = quickstart(run, config(name, a.tokenizer_steps, steps, a.task_weights), progress=False, log=lambda line: print(line, file=sys.stderr))
            print(row(name, steps, m, a.task_weights), flush=True)
            print(f"{name}, {steps} steps: {(time.perf_counter() - t0) / 60:.1f} min", file=sys.stderr)
    return 0

if __name__ == '__main__': sys.exit(main())
