"""Issue 11: which head names the digits of a Moving MNIST video, and how should it start? Trains the example's tokenizer
once (its file, configuration and steps: `scripts/example_moving_mnist.py` at its defaults), tokenizes the file, then
trains the per-frame classifier once per variant on the same codes and prints one table. The task is the example's:
name a digit the video shows.

    python benchmarks/mnist_classifier.py > benchmarks/results/mnist_classifier_cpu.md
    python benchmarks/mnist_classifier.py --variants conv_codebook --steps 300

Training stops on step counts and every draw is seeded, so the accuracies repeat on any machine and under any load
(the minutes do not).
"""
import sys, time
from dataclasses import dataclass, replace
from pathlib import Path

ATTENTION = dict(mixer='attention', depth=1)   # positioned tokens, one transformer block, attention pooling
CONV = dict(mixer='conv', depth=3)             # three 3x3 convolutions and a max over positions (08_heads)
VARIANTS = {   # name: (head, code embeddings from the tokenizer's codebook, learning rate, steps)
    'attention_random': (ATTENTION, False, 3e-3, 1800),   # the small configuration's classifier, per frame
    'attention_codebook': (ATTENTION, True, 6e-3, 1800),  # the Moving MNIST configuration before the convolutional head
    'conv_random': (CONV, False, 3e-3, 600),
    'conv_codebook': (CONV, True, 3e-3, 600),             # what the Moving MNIST configuration uses now
}

@dataclass
class Args:
    out: str = 'benchmarks/out/mnist_classifier'  # the Moving MNIST file, the tokenizer, its codes and one run per variant
    variants: tuple = tuple(VARIANTS)    # which to train
    steps: int|None = None               # classifier steps for every variant (default: each variant's own)

def main(argv=None)->int:
    from magvit_traj.core import CLIParser, config_flags, from_namespace
    a = from_namespace(Args, config_flags(CLIParser(prog='mnist_classifier.py', description=__doc__.splitlines()[0]), Args,
                                          flag_kwargs=dict(variants=dict(choices=tuple(VARIANTS)))).parse_args(argv))
    import h5py, logging, warnings
    for n in ('lightning', 'lightning.pytorch', 'lightning.fabric'): logging.getLogger(n).setLevel(logging.ERROR)
    warnings.filterwarnings('ignore')
    from magvit_traj.quickstart import resolve_config, _data_config
    from magvit_traj.moving_mnist import create_moving_mnist_dataset
    from magvit_traj.data import VideoData
    from magvit_traj.vqvae import VQVAEConfig
    from magvit_traj.train_tokenizer import train_tokenizer
    from magvit_traj.train_codes import cached_codes, train_on_codes
    from _table import print_header          # benchmarks/, the folder of this script
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    h5, tok_path = out/'mm.h5', out/'tok'/'vqvae.pt'
    if not h5.exists(): create_moving_mnist_dataset(h5, 20, 64, 2, 300, overwrite=True, progress=False)   # the example's defaults
    with h5py.File(h5) as f: T, vpd = int(f.attrs['sequence_length']), int(f.attrs['train_videos']) // 10
    cfg = resolve_config('small', 'moving_mnist')[1]
    cfg = replace(cfg, dataset=dict(data_path=str(h5), sequence_length=T, resolution=64, channels=1, num_digits=2, videos_per_digit=vpd))
    t = cfg.tokenizer
    if not tok_path.exists():
        train_tokenizer(VideoData(_data_config('moving_mnist', cfg, None, t.batch_size)), VQVAEConfig(in_channels=1, **t.model),
                        out=tok_path.parent, max_steps=t.max_steps, lr=t.lr, warmup_steps=t.warmup_steps, val_every=t.val_every,
                        limit_val_batches=10, centroid_metric=False, overwrite=True, progress_bar=False, accelerator='cpu')
    train, val, tok = cached_codes(tok_path, _data_config('moving_mnist', cfg, None, 32), out/'codes', 'cpu', False)
    c = cfg.classifier
    print(f"Per-frame classifiers on the Moving MNIST example's codes ({len(train['codes'])} train, {len(val['codes'])} val videos), "
          f"batch {c.batch_size}, width {c.model['dim']}: accuracy = a digit the video shows (chance 20%)\n")
    print_header('variant', 'head', 'embeddings start from', 'lr', 'steps', 'val accuracy', 'val loss', 'minutes')
    for name in a.variants:
        head, init, lr, steps = VARIANTS[name]
        steps = a.steps or steps
        mc = dict(codebook_size=tok.codebook_size, grid=tuple(train['codes'].shape[1:]), n_classes=10, **dict(c.model, **head))
        t0 = time.perf_counter()
        m = train_on_codes('classifier', train, val, mc, out=out/name, tokenizer_path=tok_path,
                           batch_size=c.batch_size, max_steps=steps, lr=lr, warmup_steps=c.warmup_steps,
                           val_every=steps, overwrite=True, progress_bar=False, accelerator='cpu', codebook_init=init)
        print(f"| {name} | {head['mixer']}, depth {head['depth']} | {'the codebook' if init else 'random'} | {lr:g} | {steps} | "
              f"{m['val/accuracy']:.1%} | {m['val/loss']:.3f} | {(time.perf_counter() - t0) / 60:.1f} |", flush=True)
    return 0

if __name__ == '__main__': sys.exit(main())
