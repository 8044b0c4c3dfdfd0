"""Does a trained text-to-video model use the rotation-sense word? Its loss (masked-token or next-code, as it was
trained) on the validation circles and helices of the language data, with each sentence as written, with the sense
flipped, and cut to the family alone. A model that reads the sense word has a higher loss on the flipped sentences.

    magvit-traj quickstart --out runs/quickstart --with language
    python benchmarks/text_sense_probe.py --model runs/quickstart/model > benchmarks/results/text_sense_probe_cpu.txt
"""
from dataclasses import dataclass

@dataclass
class Args:
    model: str = 'runs/quickstart/model'  # a model folder with tokenizer.pt and text.pt
    num_samples: int = 24000              # the language stage's num_samples (validation: the last 10%)
    seeds: int = 5                        # mask draws averaged (masked models)

def main(argv=None):
    from magvit_traj.core import CLIParser, config_flags, from_namespace
    a = from_namespace(Args, config_flags(CLIParser(prog='text_sense_probe.py', description=__doc__.splitlines()[0]), Args).parse_args(argv))
    import numpy as np, torch
    from pathlib import Path
    from magvit_traj.vqvae import VQVAE
    from magvit_traj.checkpoints import load_code_model
    from magvit_traj import text as T
    tok = VQVAE.from_checkpoint(Path(a.model)/'tokenizer.pt')
    tm = load_code_model(Path(a.model)/'text.pt', 'text').eval()
    tm.config.text_dropout = 0.0
    start = int(0.9 * a.num_samples)
    val, _ = T.sentence_codes(tok, T.language_dataset(a.num_samples), start, min(a.num_samples, start + 256), tm.vocabulary, progress=False)
    keep = [i for i, s in enumerate(val['sentences']) if T.sentence_request(s)['sense']]
    flip = lambda s: s.replace('counter-clockwise', '@').replace('clockwise', 'counter-clockwise').replace('@', 'clockwise')
    family = lambda s: 'a dot circles' if 'circles' in s else 'a dot spirals along a helix'
    codes = val['codes'][keep].long()
    masked = tm.config.decoding == 'masked'
    print(f"{len(keep)} validation circles and helices; " + (f"masked-token loss, mean of {a.seeds} mask draws" if masked else "next-code loss"))
    for name, f in (('as written', lambda s: s), ('sense flipped', flip), ('family only', family)):
        text = tm.vocabulary.encode([f(val['sentences'][i]) for i in keep])
        with torch.no_grad():
            loss = np.mean([float(tm.training_loss(codes, text, generator=torch.Generator().manual_seed(s))['loss_masked' if masked else 'loss'])
                            for s in range(a.seeds if masked else 1)])
        print(f"{name:>14}: {loss:.4f}")

if __name__ == '__main__': main()
