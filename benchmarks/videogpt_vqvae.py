"""A small re-implementation of VideoGPT's VQ-VAE (Yan et al. 2021, arXiv:2104.10157), for speed comparisons only.

Written from the paper and the published architecture description (github.com/wilson1yan/VideoGPT, videogpt/vqvae.py,
read for its structure; no code copied), with the configuration VideoGPT used for Moving MNIST:
`embedding_dim 64, n_codes 512, n_res_layers 2, downsample 4 4 4`, `n_hiddens 240` (VideoGPT's default), 16x64x64 inputs.

What it keeps: "same" padding done by an explicit F.pad before every (transposed) convolution; stride-2 kernel-4
convolutions, one per halving, then a kernel-3 convolution; residual blocks of BatchNorm-ReLU-conv3x3x3 (to half the
channels, no bias)-BN-ReLU-conv1x1x1 (back, no bias)-BN-ReLU-axial attention (t, h and w attended separately, 2 heads,
summed); BatchNorm-ReLU after the residual stack; 1x1x1 convolutions into and out of the 64-d codebook; an EMA codebook
(decay 0.99) initialised from the first batch, with codes whose EMA count falls below 1 restarted from batch vectors;
straight-through gradients; commitment 0.25; loss mse / 0.06 + commitment; inputs shifted to [-0.5, 0.5]; Adam 3e-4.
"""
import math
import torch
import torch.nn as nn
import torch.nn.functional as F
from einops import rearrange


def _same_pad(kernel, stride):
    "F.pad amounts (last dim first) so that a conv of `kernel`/`stride` maps n to n / stride"
    pads = []
    for k, s in reversed(list(zip(kernel, stride))):
        p = k - s
        pads += [p // 2 + p % 2, p // 2]
    return tuple(pads)


class PadConv3d(nn.Module):
    def __init__(self, cin, cout, k, stride=1, bias=True):
        super().__init__()
        k, stride = (k,) * 3 if isinstance(k, int) else k, (stride,) * 3 if isinstance(stride, int) else stride
        self.pad = _same_pad(k, stride)
        self.conv = nn.Conv3d(cin, cout, k, stride=stride, bias=bias)

    def forward(self, x):
        return self.conv(F.pad(x, self.pad))


class PadConvTranspose3d(nn.Module):
    def __init__(self, cin, cout, k, stride=1, bias=True):
        super().__init__()
        k, stride = (k,) * 3 if isinstance(k, int) else k, (stride,) * 3 if isinstance(stride, int) else stride
        self.pad = _same_pad(k, stride)
        self.conv = nn.ConvTranspose3d(cin, cout, k, stride=stride, bias=bias, padding=tuple(x - 1 for x in k))

    def forward(self, x):
        return self.conv(F.pad(x, self.pad))


class AxialMHA(nn.Module):
    "Multi-head attention along one axis of (b, c, t, h, w)"
    def __init__(self, dim, heads, axis):
        super().__init__()
        self.heads, self.axis = heads, axis
        self.q, self.k, self.v = (nn.Linear(dim, dim, bias=False) for _ in range(3))
        self.fc = nn.Linear(dim, dim)

    def forward(self, x):
        b, c, t, h, w = x.shape
        others = ' '.join(a for a in 'thw' if a != self.axis)
        x = rearrange(x, f'b c t h w -> (b {others}) {self.axis} c')
        q, k, v = (rearrange(f(x), 'n l (g e) -> n g l e', g=self.heads) for f in (self.q, self.k, self.v))
        a = rearrange(F.scaled_dot_product_attention(q, k, v), 'n g l e -> n l (g e)')
        return rearrange(self.fc(a), f'(b {others}) {self.axis} c -> b c t h w', b=b, t=t, h=h, w=w)


class AxialBlock(nn.Module):
    def __init__(self, dim, heads=2):
        super().__init__()
        self.attn = nn.ModuleList(AxialMHA(dim, heads, a) for a in 'thw')

    def forward(self, x):
        return sum(a(x) for a in self.attn)


class AttnResBlock(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.block = nn.Sequential(nn.BatchNorm3d(n), nn.ReLU(), PadConv3d(n, n // 2, 3, bias=False),
                                   nn.BatchNorm3d(n // 2), nn.ReLU(), PadConv3d(n // 2, n, 1, bias=False),
                                   nn.BatchNorm3d(n), nn.ReLU(), AxialBlock(n, 2))

    def forward(self, x):
        return x + self.block(x)


class EMACodebook(nn.Module):
    def __init__(self, n_codes, dim, decay=0.99):
        super().__init__()
        self.n_codes, self.decay = n_codes, decay
        self.register_buffer('embeddings', torch.randn(n_codes, dim))
        self.register_buffer('N', torch.zeros(n_codes))
        self.register_buffer('z_avg', self.embeddings.clone())
        self.register_buffer('initialised', torch.tensor(False))

    def _candidates(self, flat):
        "At least n_codes batch vectors (tiled with a little noise when the batch is smaller)"
        if len(flat) < self.n_codes:
            flat = flat.repeat(math.ceil(self.n_codes / len(flat)), 1)
            flat = flat + torch.randn_like(flat) * 0.01 / math.sqrt(flat.shape[1])
        return flat[torch.randperm(len(flat), device=flat.device)[:self.n_codes]]

    def forward(self, z):
        flat = rearrange(z, 'b d t h w -> (b t h w) d')
        if self.training and not self.initialised:
            init = self._candidates(flat.detach())
            self.embeddings.copy_(init); self.z_avg.copy_(init); self.N.fill_(1); self.initialised.fill_(True)
        dist = (flat ** 2).sum(1, keepdim=True) - 2 * flat @ self.embeddings.t() + (self.embeddings ** 2).sum(1)[None]
        idx = dist.argmin(1)
        onehot = F.one_hot(idx, self.n_codes).type_as(flat)
        q = rearrange(F.embedding(idx, self.embeddings), '(b t h w) d -> b d t h w', b=z.shape[0], t=z.shape[2], h=z.shape[3])
        commit = 0.25 * F.mse_loss(z, q.detach())
        if self.training:
            with torch.no_grad():
                self.N.mul_(self.decay).add_(onehot.sum(0), alpha=1 - self.decay)
                self.z_avg.mul_(self.decay).add_(onehot.t() @ flat.detach(), alpha=1 - self.decay)
                n = self.N.sum()
                w = (self.N + 1e-7) / (n + self.n_codes * 1e-7) * n
                self.embeddings.copy_(self.z_avg / w[:, None])
                used = (self.N >= 1).float()[:, None]
                self.embeddings.mul_(used).add_(self._candidates(flat.detach()) * (1 - used))
        p = onehot.mean(0)
        perplexity = torch.exp(-(p * torch.log(p + 1e-10)).sum())
        return z + (q - z).detach(), idx, commit, perplexity


class VideoGPTVQVAE(nn.Module):
    def __init__(self, in_channels=1, n_hiddens=240, n_res_layers=2, downsample=(4, 4, 4), embedding_dim=64, n_codes=512):
        super().__init__()
        n = [int(math.log2(d)) for d in downsample]
        steps = max(n)
        enc = []
        for i in range(steps):
            enc += [PadConv3d(in_channels if i == 0 else n_hiddens, n_hiddens, 4, stride=tuple(2 if x > i else 1 for x in n)), nn.ReLU()]
        self.encoder = nn.Sequential(*enc, PadConv3d(n_hiddens, n_hiddens, 3),
                                     *[AttnResBlock(n_hiddens) for _ in range(n_res_layers)], nn.BatchNorm3d(n_hiddens), nn.ReLU())
        self.pre_vq = PadConv3d(n_hiddens, embedding_dim, 1)
        self.codebook = EMACodebook(n_codes, embedding_dim)
        self.post_vq = PadConv3d(embedding_dim, n_hiddens, 1)
        dec = [*[AttnResBlock(n_hiddens) for _ in range(n_res_layers)], nn.BatchNorm3d(n_hiddens), nn.ReLU()]
        for i in range(steps):
            last = i == steps - 1
            dec.append(PadConvTranspose3d(n_hiddens, in_channels if last else n_hiddens, 4,
                                          stride=tuple(2 if x > steps - 1 - i else 1 for x in n)))
            if not last: dec.append(nn.ReLU())
        self.decoder = nn.Sequential(*dec)

    def forward(self, video):
        "video (b, c, t, h, w) in [0, 1] -> loss, reconstruction in [0, 1]"
        x = video - 0.5
        zq, idx, commit, perplexity = self.codebook(self.pre_vq(self.encoder(x)))
        recon = self.decoder(self.post_vq(zq))
        return F.mse_loss(recon, x) / 0.06 + commit, recon + 0.5
