"""Issue 13: where does generation from a sentence lose the family: in each next code, or along its own history?
Feeds the quickstart's text model the true codes of held-out fixed-camera videos (seed 2) and takes its most likely
code at every position given the true history (one step ahead, teacher-forced), unguided and guided. Decodes those
codes and prints how far their dot is from the true one per frame, how far it is pulled towards the path's centre, and
the family `describe` reads in them, against the true videos' tokenizer reconstructions and free generation from the
same sentences. Prints Markdown tables.

    magvit-traj quickstart --out runs/quickstart --with language
    python benchmarks/text_teacher_forced.py > benchmarks/results/text_teacher_forced_cpu.md   # about 3 min on 2 cores
"""
import sys
from dataclasses import dataclass

@dataclass
class Args:
    model: str = 'runs/quickstart/model'   # a model folder with text.pt (the quickstart's)
    seed: int = 2                          # of the held-out videos and their sentences
    videos: int = 128                      # how many

def main(argv=None)->int:
    from magvit_traj.core import CLIParser, config_flags, from_namespace
    a = from_namespace(Args, config_flags(CLIParser(prog='text_teacher_forced.py', description=__doc__.splitlines()[0]), Args).parse_args(argv))
    import warnings
    warnings.filterwarnings('ignore')
    import numpy as np, torch
    from einops import rearrange
    from magvit_traj.motion import MotionModel
    from magvit_traj.quickstart import CONFIGS
    from magvit_traj.text import language_dataset, sentence_request, judge_videos, _agreement
    from magvit_traj.dataset import render_samples
    from magvit_traj.recover import dot_track
    from magvit_traj.render import DOT_THRESHOLD
    from magvit_traj.transformer import TASKS, _guide
    from _table import print_header          # benchmarks/, the folder of this script
    d = CONFIGS['small'].dataset
    s = render_samples(language_dataset(a.videos, d['sequence_length'], d['resolution'], d['channels'], a.seed), 0, a.videos)
    model = MotionModel.from_checkpoint(a.model, device='cpu')
    tm = model.text_model.eval()
    videos, sentences = torch.from_numpy(s['videos']).float() / 255, list(s['descriptions'])
    codes = model.encode(videos)
    grid, flat, b = codes.shape[1:], rearrange(codes, 'b t h w -> b (t h w)'), len(codes)
    words, zeros = tm.vocabulary.encode(sentences), torch.zeros(b, dtype=torch.long)
    task = torch.full((b,), TASKS.index('generate'))
    with torch.no_grad():
        lc, lu = (tm.video.forward_causal(flat, task, zeros, prefix=tm.text(w)) for w in (words, torch.zeros_like(words)))
    g = tm.config.guidance
    requests, (uv_true, _) = [sentence_request(x) for x in sentences], dot_track(videos, DOT_THRESHOLD)
    centre = np.nanmean(uv_true, 1, keepdims=True)
    rows = {'the true videos, through the tokenizer': model.decode(codes)}
    for name, logits in (('one step ahead, unguided', lc), (f'one step ahead, guided {g:g}', _guide(torch.cat([lc, lu]), g))):
        with torch.no_grad(): rows[name] = model.decode(rearrange(logits.argmax(-1), 'b (t h w) -> b t h w', **dict(zip('thw', grid))))
    free = "free generation (the model's own decoding, seed 0; its path is its own, so no dot error)"
    rows[free] = model.generate(text=sentences, seed=0)
    print(f"{b} held-out fixed-camera videos of seed {a.seed} and their sentences; model {a.model}\n")
    print_header('codes', 'family', *(f for f in ('linear', 'circular', 'helical', 'parabolic')), 'dot error, px (mean over frames 2-16)',
                 'pulled towards the centre, px')
    per_frame = {}
    for name, v in rows.items():
        judged = _agreement(requests, judge_videos(v, workers=2))
        uv, _ = dot_track(v, DOT_THRESHOLD)
        err = np.nanmean(np.linalg.norm(uv - uv_true, axis=-1), 0)
        inward = np.nanmean(np.linalg.norm(uv_true - centre, axis=-1) - np.linalg.norm(uv - centre, axis=-1), 0)
        if name != free: per_frame[name] = err
        print(f"| {name} | {judged['family']:.1%} | " + ' | '.join(f"{judged['by_family'][f]:.1%}" for f in judged['by_family'])
              + (' | | |' if name == free else f" | {err[1:].mean():.2f} | {inward[1:].mean():.2f} |"), flush=True)
    print("\nDot error by frame, px\n")
    print_header('codes', *(str(t + 1) for t in range(len(uv_true[0]))))
    for name, err in per_frame.items(): print(f"| {name} | " + ' | '.join(f"{e:.2f}" for e in err) + ' |')
    return 0

if __name__ == '__main__': sys.exit(main())
