"""Issue 11: how much does a transformer use the class it is given? Loads a quickstart run's model and test codes, masks a
share of every test video's codes (the same positions in every column), and prints the masked-token loss of the
'generate' task given the video's own class, another class, and the null class. The difference is what the class is
worth to the model, in nats per masked code. Prints one Markdown table. Moving MNIST's class is the first digit; the
trajectory quickstart's is the motion family, whose transformer generates each family as asked (a reference).

    python scripts/example_moving_mnist.py
    python benchmarks/class_use.py > benchmarks/results/class_use_cpu.md                  # about 1 min on 2 cores
    magvit-traj quickstart --out runs/quickstart
    python benchmarks/class_use.py --run runs/quickstart >> benchmarks/results/class_use_cpu.md
"""
import sys
from dataclasses import dataclass

@dataclass
class Args:
    run: str = 'runs/moving_mnist_example/run'  # a quickstart run folder (here the example's): model/ and codes/
    videos: int = 256                        # test videos
    ratios: tuple = (0.5, 0.75, 0.9, 1.0)    # shares of the codes masked
    batch: int = 32                          # videos per forward pass

def main(argv=None)->int:
    from magvit_traj.core import CLIParser, config_flags, from_namespace
    a = from_namespace(Args, config_flags(CLIParser(prog='class_use.py', description=__doc__.splitlines()[0]), Args).parse_args(argv))
    import torch, warnings
    import torch.nn.functional as F
    from pathlib import Path
    warnings.filterwarnings('ignore')
    from magvit_traj.motion import MotionModel
    from magvit_traj.transformer import TASKS, NO_CONDITION
    from _table import print_header          # benchmarks/, the folder of this script
    tr = MotionModel.from_checkpoint(Path(a.run)/'model').transformer.eval()
    val = torch.load(Path(a.run)/'codes'/'codes.pt', weights_only=False)['val']
    codes, own = val['codes'][:a.videos].flatten(1).long(), val['labels'][:a.videos].long()
    g = torch.Generator().manual_seed(0)
    k = tr.config.n_classes
    other = (own + torch.randint(1, k, own.shape, generator=g)) % k                  # always a class other than the video's own
    classes = dict(own=own, other=other, null=torch.full_like(own, tr.null_class))
    def loss(mask, class_ids):   # mean cross-entropy of the masked codes
        total = 0.
        with torch.no_grad():
            for i in range(0, len(codes), a.batch):
                c, m = codes[i:i + a.batch], mask[i:i + a.batch]
                logits = tr(torch.where(m, tr.mask_id, c), torch.full_like(c, NO_CONDITION),
                            torch.full((len(c),), TASKS.index('generate')), class_ids[i:i + a.batch])
                total += float(F.cross_entropy(logits[m], c[m], reduction='sum'))
        return total / float(mask.sum())
    print(f"'generate' masked-token loss (nats per masked code) of {len(codes)} test videos of {a.run}, {codes.shape[1]} codes each, "
          f"{k} classes; 'own': the video's class (Moving MNIST: its first digit), 'other': another class, 'null': no class\n")
    print_header('codes masked', 'own class', 'another class', 'null class', 'the class is worth (null - own)')
    for r in a.ratios:
        n = max(1, round(r * codes.shape[1]))
        mask = torch.rand(codes.shape, generator=g).argsort(-1) < n
        l = {name: loss(mask, ids) for name, ids in classes.items()}
        print(f"| {r:.0%} | {l['own']:.4f} | {l['other']:.4f} | {l['null']:.4f} | {l['null'] - l['own']:.4f} |", flush=True)
    return 0

if __name__ == '__main__': sys.exit(main())
