"""Issue 13: can the model pick, among several videos it draws for one sentence, the one that shows the stated family?
Draws `candidates` videos per sentence (seed 2, not the reported seed 1) as the quickstart's text model decodes, judges
every one by `describe` through the language camera (the classical fit, no learned part), and compares ways to keep
one: the first draw; the likeliest under the text model itself (its next-code log-probability summed over the video,
unguided or guided, or its log-probability ratio against the empty sentence); the one a family head trained here on
the language camera's own codes (seed 0, the training sentences' seed) finds most likely the stated family. Prints
Markdown tables: the family kept by each rule out of the first 1, 2, 4, ... draws, and how well each score tells a
right circle or helix from a wrong one among the draws of the same sentence (AUC; 0.5 is no better than a coin).

    magvit-traj quickstart --out runs/quickstart --with language
    python benchmarks/text_rerank.py > benchmarks/results/text_rerank_cpu.md   # about 30 min on 2 cores, mostly judging
"""
import sys
from dataclasses import dataclass

@dataclass
class Args:
    model: str = 'runs/quickstart/model'   # a model folder with text.pt (the quickstart's)
    seed: int = 2                          # of the sentences
    sentences: int = 512                   # how many
    candidates: int = 8                    # videos drawn per sentence
    head_videos: int = 8000                # fixed-camera training videos the family head learns from (7/8 train, 1/8 validate)
    head_steps: int = 1500                 # its optimiser steps (batch 64)

def train_family_head(model, n:int, steps:int):
    "A family classifier on the codes of `n` fixed-camera videos of seed 0; returns it and its accuracy on the last eighth"
    import torch
    from magvit_traj.quickstart import CONFIGS
    from magvit_traj.text import language_dataset, sentence_codes
    from magvit_traj.heads import ClassificationHead
    torch.manual_seed(0)
    d = CONFIGS['small'].dataset
    data, _ = sentence_codes(model.tokenizer, language_dataset(n, d['sequence_length'], d['resolution'], d['channels'], 0), 0, n, progress=False)
    codes, labels, cut = data['codes'].long(), data['labels'].long(), n * 7 // 8
    head = ClassificationHead(codebook_size=model.text_model.config.codebook_size, grid=tuple(codes.shape[1:]), n_classes=4,
                              dim=64, depth=1, heads=4, dropout=0.1)
    opt = torch.optim.AdamW(head.parameters(), lr=3e-3, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.OneCycleLR(opt, 3e-3, total_steps=steps)
    g = torch.Generator().manual_seed(0)
    for _ in range(steps):
        i = torch.randint(0, cut, (64,), generator=g)
        loss = head.training_loss(codes[i], labels[i])['loss']
        opt.zero_grad(); loss.backward(); opt.step(); schedule.step()
    head.eval()
    with torch.no_grad(): accuracy = (head(codes[cut:]).argmax(-1) == labels[cut:]).float().mean().item()
    return head, accuracy

def main(argv=None)->int:
    from magvit_traj.core import CLIParser, config_flags, from_namespace
    a = from_namespace(Args, config_flags(CLIParser(prog='text_rerank.py', description=__doc__.splitlines()[0]), Args).parse_args(argv))
    import warnings
    warnings.filterwarnings('ignore')
    import numpy as np, torch
    from einops import rearrange
    from scipy.stats import mannwhitneyu
    from magvit_traj.text import sentence_request, judge_videos
    from magvit_traj.transformer import TASKS, _guide
    from magvit_traj.trajectories import FAMILIES
    from text_decoding import text_model_and_sentences    # benchmarks/, the folder of this script
    from _table import print_header
    model, sentences, _ = text_model_and_sentences(a.model, a.seed, a.sentences)
    tm, n, K = model.text_model.eval(), len(sentences), a.candidates
    stated = np.array([sentence_request(s)['family'] for s in sentences])
    words = tm.vocabulary.encode(sentences)
    def log_probs(codes, logits): # (n,) the summed log-probability of each video's codes
        flat = rearrange(codes, 'b t h w -> b (t h w)')
        return torch.log_softmax(logits, -1).gather(-1, flat[..., None])[..., 0].sum(1).numpy()
    def next_code_logits(codes, text):
        flat = rearrange(codes, 'b t h w -> b (t h w)')
        task, zeros = torch.full((n,), TASKS.index('generate')), torch.zeros(n, dtype=torch.long)
        with torch.no_grad(): return tm.video.forward_causal(flat, task, zeros, prefix=tm.text(text)).float()
    head, head_accuracy = train_family_head(model, a.head_videos, a.head_steps)
    want = torch.tensor([FAMILIES.index(f) for f in stated])
    right, scores = [], {k: [] for k in ('text model, unguided', 'text model, guided', 'text model, ratio to the empty sentence', 'family head')}
    for k in range(K):
        codes = torch.cat([tm.generate(sentences[i:i + 32], seed=1000 * k + i) for i in range(0, n, 32)])
        cond, empty = next_code_logits(codes, words), next_code_logits(codes, torch.zeros_like(words))
        given = log_probs(codes, cond)
        scores['text model, unguided'].append(given)
        scores['text model, guided'].append(log_probs(codes, _guide(torch.cat([cond, empty]), tm.config.guidance)))
        scores['text model, ratio to the empty sentence'].append(given - log_probs(codes, empty))
        with torch.no_grad():
            scores['family head'].append(head(codes.long()).softmax(-1)[torch.arange(n), want].numpy())
            shown = judge_videos(model.decode(codes), workers=2)
        right.append([s is not None and s['family'] == f for s, f in zip(shown, stated)])
        print(f"<!-- draw {k + 1} of {K}: family {np.mean(right[-1]):.1%} -->", flush=True)
    right, scores, rows = np.array(right), {k: np.array(v) for k, v in scores.items()}, np.arange(n)
    print(f"\n{n} sentences of seed {a.seed}, {K} videos drawn per sentence (the text model's own decoding); model {a.model}. "
          f"Family head: {a.head_steps} steps on {a.head_videos * 7 // 8} fixed-camera videos, {head_accuracy:.1%} on the "
          f"{a.head_videos // 8} held out (real videos).\n")
    ks = [k for k in (1, 2, 4, 8, 16, 32) if k <= K]
    print("Family as stated, of the video kept out of the first k draws (circles / helices in brackets)\n")
    print_header('kept', *(f'k = {k}' for k in ks))
    def cell(r): return f"{r.mean():.1%} ({r[stated == 'circular'].mean():.0%} / {r[stated == 'helical'].mean():.0%})"
    print("| the first draw | " + ' | '.join(cell(right[0]) for _ in ks) + ' |')
    print("| any draw right (a perfect chooser) | " + ' | '.join(cell(right[:k].any(0)) for k in ks) + ' |')
    for name, s in scores.items():
        print(f"| highest: {name} | " + ' | '.join(cell(right[:k][s[:k].argmax(0), rows]) for k in ks) + ' |')
    print(f"\nDoes a score tell a right draw from a wrong one of the same sentence? AUC over all {K} draws, scores centred per sentence\n")
    print_header('score', 'circles', 'helices')
    for name, s in scores.items():
        c, aucs = s - s.mean(0), []
        for f in ('circular', 'helical'):
            x, y = c[:, stated == f][right[:, stated == f]], c[:, stated == f][~right[:, stated == f]]
            aucs.append(f"{mannwhitneyu(x, y).statistic / (len(x) * len(y)):.2f} ({len(y)} wrong of {x.size + y.size})")
        print(f"| {name} | " + ' | '.join(aucs) + ' |')
    return 0

if __name__ == '__main__': sys.exit(main())
