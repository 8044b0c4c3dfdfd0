"""Issue 11: at what temperature should the Moving MNIST protocol draw the futures it averages? Loads the example's model
and test videos (`scripts/example_moving_mnist.py` at its defaults), draws 8 futures of the 10 -> 10 protocol per
temperature, and prints the MSE per frame of the mean of the first 1, 2, 4 and 8 draws. Prints one Markdown table.

    python scripts/example_moving_mnist.py
    python benchmarks/mnist_prediction.py > benchmarks/results/mnist_prediction_cpu.md
"""
import sys
from dataclasses import dataclass

@dataclass
class Args:
    out: str = 'runs/moving_mnist_example'   # the example's folder: moving_mnist.h5 and run/model
    temperatures: tuple = (0.25, 1.0)        # of the draws (0.25: predict's default)
    videos: int = 256                        # test videos (the example's evaluation takes 256)

def main(argv=None)->int:
    from magvit_traj.core import CLIParser, config_flags, from_namespace
    a = from_namespace(Args, config_flags(CLIParser(prog='mnist_prediction.py', description=__doc__.splitlines()[0]), Args).parse_args(argv))
    import torch, warnings
    from pathlib import Path
    warnings.filterwarnings('ignore')
    from magvit_traj.motion import MotionModel
    from magvit_traj.metrics import frame_sse
    from magvit_traj.quickstart import _first_videos
    model = MotionModel.from_checkpoint(Path(a.out)/'run'/'model')
    v = _first_videos(Path(a.out)/'moving_mnist.h5', False, a.videos)   # at the length and size the file was written with
    ctx, counts = v.shape[1] // 2, (1, 2, 4, 8)                        # the evaluation's split: the first half known
    known, future = v[:, :ctx], v[:, ctx:]
    print(f"{ctx} -> {future.shape[1]} prediction of {len(v)} test videos of {a.out}: MSE per frame (summed over pixels in [0, 1]) of the mean of n draws; "
          f"copy-last {float(frame_sse(known[:, -1:].expand_as(future), future).mean()):.1f}\n")
    print("| temperature | " + " | ".join(f"mean of {n}" for n in counts) + " |")
    print("|---|" + "---|" * len(counts))
    for t in a.temperatures:
        draws = [torch.cat([model.predict(known[i:i + 16], frames=future.shape[1], seed=s, temperature=t)[:, ctx:] for i in range(0, len(v), 16)])
                 for s in range(max(counts))]
        print(f"| {t:g} | " + " | ".join(f"{float(frame_sse(sum(draws[:n]) / n, future).mean()):.1f}" for n in counts) + " |", flush=True)
    return 0

if __name__ == '__main__': sys.exit(main())
