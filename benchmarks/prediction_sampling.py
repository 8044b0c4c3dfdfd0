"""How prediction, interpolation and generation depend on the sampling settings of a trained model: code temperature,
decoding steps and classifier-free guidance. Prints one markdown table per task; every row uses the same held-out
videos (seed 1) and sampling seed, so rows differ only in the setting.

    python benchmarks/prediction_sampling.py --model runs/quickstart/model > benchmarks/results/prediction_sampling_cpu.md
"""
import argparse, sys, time

def main(argv=None)->int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--model', default='runs/quickstart/model', help='a model folder (tokenizer.pt, transformer.pt, classifier.pt)')
    ap.add_argument('--num_samples', type=int, default=256)
    ap.add_argument('--per_class', type=int, default=16)
    ap.add_argument('--temperatures', type=float, nargs='+', default=[1.0, 0.5, 0.25, 0.0])
    ap.add_argument('--steps', type=int, nargs='+', default=[12, 24])
    ap.add_argument('--guidance', type=float, nargs='+', default=[0.0, 1.0, 3.0])
    a = ap.parse_args(argv)
    from magvit_traj.motion import MotionModel
    from magvit_traj.dataset import generate_dataset
    from magvit_traj.evaluate import evaluate_prediction, evaluate_interpolation, evaluate_generation
    model = MotionModel.from_checkpoint(a.model, device='cpu')
    T = model.clip_frames
    res = model.transformer.config.grid[1] * model.tokenizer.config.strides[1]
    data = generate_dataset(a.num_samples, T, res, model.tokenizer.config.in_channels, seed=1)
    class Setting:   # the MotionModel interface with fixed sampling settings
        def __init__(self, **kw): self.kw = kw
        def predict(self, known, **kw): return model.predict(known, **{**kw, **self.kw})
        def interpolate(self, first, last, **kw): return model.interpolate(first, last, **{**kw, **self.kw})
        def generate(self, labels, **kw): return model.generate(labels, **{**kw, **self.kw})
        def classify(self, videos): return model.classify(videos)
    print(f"Model {a.model}; {a.num_samples} held-out videos (seed 1), sampling seed 0. Centroid error, mean px (missing-dot frames).\n")
    print("| temperature | steps | prediction 8 -> 8 | interpolation 4 + 4 -> 8 | seconds |\n|---|---|---|---|---|")
    for temp in a.temperatures:
        for steps in a.steps:
            t0, s = time.perf_counter(), Setting(temperature=temp, steps=steps)
            p, i = evaluate_prediction(s, data['videos'], T // 2), evaluate_interpolation(s, data['videos'], (T // 4, T // 4))
            print(f"| {temp} | {steps} | {p['model']['mean']:.2f} ({p['model']['missing']:.1%}) | {i['model']['mean']:.2f} "
                  f"({i['model']['missing']:.1%}) | {time.perf_counter() - t0:.0f} |", flush=True)
    print("\n| generation: temperature | guidance | class consistency | valid-dot frames | family-fit residual, median px |\n|---|---|---|---|---|")
    for temp in (1.0, 0.5):
        for g in a.guidance:
            m, _ = evaluate_generation(Setting(temperature=temp, guidance=g), per_class=a.per_class)
            print(f"| {temp} | {g} | {m['consistency']:.1%} | {m['valid_frames']:.1%} | {m['fit_residual_px_median']:.2f} |", flush=True)
    return 0

if __name__ == '__main__': sys.exit(main())
