"""BigGAN-deep generator (Brock et al. 2019) in the pytorch-pretrained-BigGAN checkpoint layout.

Spectral-normalised layers keep `weight_orig` and the power-iteration vectors `weight_u`,
`weight_v`; the effective weight is weight_orig / (u . W v) with u, v as stored (eval mode: no
power iteration, so the generator is a fixed function). Batch-norm statistics are stored for 51
truncation values; one truncation is chosen per export.

Written for second derivatives in libtorch 2.7 (the Hessian methods differentiate the generator twice):
1x1 convolutions are matrix products and the batch norms are a per-channel scale and shift.
libtorch's double backward of a convolution (ATen `_convolution_double_backward`) always computes the
weight gradient, and for a 1x1 layer oneDNN runs that product as a convolution of [in, 1, H, W] by
[out, 1, H, W] maps, 5-15x the cost of the layer's forward pass; the double backward of
`native_batch_norm` in eval mode costs about a second on the 256-px map. A matrix product's and a
multiplication's derivatives are computed only for operands that need them (nets/gemm.py). The 3x3
convolutions keep torch's op: as matrix products plus col2im their forward pass is several times
slower (docs/benchmarks.md, "BigGAN-deep's second-order passes").
"""
import math
from typing import List, Sequence, Tuple

import torch
import torch.nn.functional as F
from torch import nn

from eigenstudy_export.nets.gemm import conv2d_gemm

PUBLIC_CONFIG = {
    "output_dim": 256, "z_dim": 128, "class_embed_dim": 128, "channel_width": 128, "num_classes": 1000,
    "layers": [[False, 16, 16], [True, 16, 16], [False, 16, 16], [True, 16, 8], [False, 8, 8], [True, 8, 8],
               [False, 8, 8], [True, 8, 4], [False, 4, 4], [True, 4, 2], [False, 2, 2], [True, 2, 1]],
    "attention_layer_position": 8, "eps": 1e-4, "n_stats": 51,
}


def stats_row_weights(truncation: float, n_stats: int) -> Tuple[int, float]:
    """Row index and weight of that row, computed exactly as the reference code does.

    The reference computes `coef, i = modf(truncation / (1/(n_stats-1)))` and then
    means[i]*coef + means[i+1]*(1-coef): the weights are swapped relative to linear interpolation,
    and float rounding makes 0.7 land on row 34 with coef 0.99999999999999. The checkpoint's outputs
    were produced this way, so we reproduce it rather than "fix" it.
    """
    coef, i = math.modf(truncation / (1 / (n_stats - 1)))
    return int(i), coef


class SNWeight(nn.Module):
    """Base for spectral-normalised layers: the stored u, v define sigma."""

    def _init_sn(self, weight_shape: Sequence[int], bias: bool):
        out = weight_shape[0]
        fan = int(torch.tensor(weight_shape[1:]).prod()) if len(weight_shape) > 1 else 1
        if bias:
            self.bias = nn.Parameter(torch.zeros(out))
        else:
            self.bias = None
        self.weight_orig = nn.Parameter(torch.randn(*weight_shape) * 0.02)
        self.register_buffer("weight_u", F.normalize(torch.randn(out), dim=0, eps=1e-4))
        self.register_buffer("weight_v", F.normalize(torch.randn(fan), dim=0, eps=1e-4))

    def weight(self) -> torch.Tensor:
        mat = self.weight_orig.reshape(self.weight_orig.shape[0], -1)
        sigma = torch.dot(self.weight_u, torch.mv(mat, self.weight_v))
        return self.weight_orig / sigma


class SNLinear(SNWeight):
    def __init__(self, cin: int, cout: int, bias: bool = True):
        super().__init__()
        self._init_sn([cout, cin], bias)

    def forward(self, x):
        return F.linear(x, self.weight(), self.bias)

    def tangent(self, t):
        """The layer's linear part (no bias) applied to tangents: its forward-mode derivative."""
        return F.linear(t, self.weight())


class SNConv2d(SNWeight):
    def __init__(self, cin: int, cout: int, k: int, bias: bool = True):
        super().__init__()
        self._init_sn([cout, cin, k, k], bias)
        self.kernel = k
        self.padding = k // 2

    def forward(self, x):
        if self.kernel == 1:  # a matrix product: see the module docstring and nets/gemm.py
            return conv2d_gemm(x, self.weight(), 1, 0, self.bias)
        return F.conv2d(x, self.weight(), self.bias, padding=self.padding)

    def tangent(self, t):
        if self.kernel == 1:
            return conv2d_gemm(t, self.weight(), 1, 0)
        return F.conv2d(t, self.weight(), None, padding=self.padding)


class ConditionalBatchNorm(nn.Module):
    def __init__(self, channels: int, cond_dim: int, n_stats: int, eps: float):
        super().__init__()
        self.register_buffer("running_means", torch.zeros(n_stats, channels))
        self.register_buffer("running_vars", torch.ones(n_stats, channels))
        self.n_stats = n_stats
        self.scale = SNLinear(cond_dim, channels, bias=False)
        self.offset = SNLinear(cond_dim, channels, bias=False)
        self.eps = eps

    def _affine(self, cond, truncation: float):
        """(x - mean) / sqrt(var + eps) * (1 + scale(cond)) + offset(cond) as one scale and shift per
        sample and channel: two passes over the feature map instead of four, in the forward and in
        every tangent pass. Also returns mean and 1 / sqrt(var + eps), which the tangents need."""
        mean, var = select_stats(self.running_means, self.running_vars, truncation, self.n_stats)
        rs = torch.rsqrt(var + self.eps)
        scale = (1 + self.scale(cond)) * rs
        return scale, self.offset(cond) - mean * scale, mean, rs

    def forward(self, x, cond, truncation: float):
        scale, shift, _, _ = self._affine(cond, truncation)
        return x * scale[:, :, None, None] + shift[:, :, None, None]

    def jvp(self, x, t, cond, dcond, truncation: float) -> Tuple[torch.Tensor, torch.Tensor]:
        scale, shift, mean, rs = self._affine(cond, truncation)
        # The scale and shift depend on the code too (cond holds z and the class embedding).
        dscale = self.scale.tangent(dcond) * rs
        dshift = self.offset.tangent(dcond) - mean * dscale
        y = x * scale[:, :, None, None] + shift[:, :, None, None]
        dy = torch.addcmul(t * scale[:, :, None, None] + dshift[:, :, None, None], x, dscale[:, :, None, None])
        return y, dy


def select_stats(means: torch.Tensor, vars_: torch.Tensor, truncation: float, n_stats: int):
    i, coef = stats_row_weights(truncation, n_stats)
    if coef != 0.0:
        return means[i] * coef + means[i + 1] * (1 - coef), vars_[i] * coef + vars_[i + 1] * (1 - coef)
    return means[i], vars_[i]


class PlainBatchNorm(nn.Module):
    def __init__(self, channels: int, n_stats: int, eps: float):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(channels))
        self.bias = nn.Parameter(torch.zeros(channels))
        self.register_buffer("running_means", torch.zeros(n_stats, channels))
        self.register_buffer("running_vars", torch.ones(n_stats, channels))
        self.n_stats = n_stats
        self.eps = eps

    def _affine(self, truncation: float):
        """F.batch_norm(x, mean, var, weight, bias, training=False, eps) as a scale and shift per channel."""
        mean, var = select_stats(self.running_means, self.running_vars, truncation, self.n_stats)
        scale = self.weight * torch.rsqrt(var + self.eps)
        return scale[None, :, None, None], (self.bias - mean * scale)[None, :, None, None]

    def forward(self, x, truncation: float):
        scale, shift = self._affine(truncation)
        return x * scale + shift

    def jvp(self, x, t, truncation: float) -> Tuple[torch.Tensor, torch.Tensor]:
        scale, shift = self._affine(truncation)
        return x * scale + shift, t * scale


def relu_jvp(a: torch.Tensor, t: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
    return F.relu(a), t * (a > 0).to(a.dtype)


def max_pool_jvp(a: torch.Tensor, t: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
    """2x2 max pooling of the primal [1, C, H, W]; each tangent takes the value at the primal's argmax."""
    pooled, index = F.max_pool2d(a, 2, return_indices=True)
    k = t.shape[0]
    dt = t.flatten(2).gather(2, index.flatten(2).expand(k, -1, -1))
    return pooled, dt.reshape(k, pooled.shape[1], pooled.shape[2], pooled.shape[3])


class GenBlock(nn.Module):
    def __init__(self, cin: int, cout: int, upsample: bool, cond_dim: int, n_stats: int, eps: float):
        super().__init__()
        mid = cin // 4
        self.bn_0 = ConditionalBatchNorm(cin, cond_dim, n_stats, eps)
        self.conv_0 = SNConv2d(cin, mid, 1)
        self.bn_1 = ConditionalBatchNorm(mid, cond_dim, n_stats, eps)
        self.conv_1 = SNConv2d(mid, mid, 3)
        self.bn_2 = ConditionalBatchNorm(mid, cond_dim, n_stats, eps)
        self.conv_2 = SNConv2d(mid, mid, 3)
        self.bn_3 = ConditionalBatchNorm(mid, cond_dim, n_stats, eps)
        self.conv_3 = SNConv2d(mid, cout, 1)
        self.upsample = upsample
        self.cout = cout
        self.drop_channels = cin != cout

    def forward(self, x, cond, truncation: float):
        h = self.conv_0(F.relu(self.bn_0(x, cond, truncation)))
        h = F.relu(self.bn_1(h, cond, truncation))
        if self.upsample:
            h = F.interpolate(h, scale_factor=2.0, mode="nearest")
        h = self.conv_1(h)
        h = self.conv_2(F.relu(self.bn_2(h, cond, truncation)))
        h = self.conv_3(F.relu(self.bn_3(h, cond, truncation)))
        if self.drop_channels:
            x = x[:, : self.cout]
        if self.upsample:
            x = F.interpolate(x, scale_factor=2.0, mode="nearest")
        return h + x

    def jvp(self, x, t, cond, dcond, truncation: float) -> Tuple[torch.Tensor, torch.Tensor]:
        h, dh = relu_jvp(*self.bn_0.jvp(x, t, cond, dcond, truncation))
        h, dh = self.conv_0(h), self.conv_0.tangent(dh)
        h, dh = relu_jvp(*self.bn_1.jvp(h, dh, cond, dcond, truncation))
        if self.upsample:
            h, dh = F.interpolate(h, scale_factor=2.0, mode="nearest"), F.interpolate(dh, scale_factor=2.0, mode="nearest")
        h, dh = self.conv_1(h), self.conv_1.tangent(dh)
        h, dh = relu_jvp(*self.bn_2.jvp(h, dh, cond, dcond, truncation))
        h, dh = self.conv_2(h), self.conv_2.tangent(dh)
        h, dh = relu_jvp(*self.bn_3.jvp(h, dh, cond, dcond, truncation))
        h, dh = self.conv_3(h), self.conv_3.tangent(dh)
        if self.drop_channels:
            x, t = x[:, : self.cout], t[:, : self.cout]
        if self.upsample:
            x, t = F.interpolate(x, scale_factor=2.0, mode="nearest"), F.interpolate(t, scale_factor=2.0, mode="nearest")
        return h + x, dh + t


class SelfAttention(nn.Module):
    """SAGAN attention: keys/values max-pooled 2x2, softmax over keys, residual scaled by gamma."""

    def __init__(self, channels: int):
        super().__init__()
        self.snconv1x1_theta = SNConv2d(channels, channels // 8, 1, bias=False)
        self.snconv1x1_phi = SNConv2d(channels, channels // 8, 1, bias=False)
        self.snconv1x1_g = SNConv2d(channels, channels // 2, 1, bias=False)
        self.snconv1x1_o_conv = SNConv2d(channels // 2, channels, 1, bias=False)
        self.gamma = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        b, c, h, w = x.shape
        theta = self.snconv1x1_theta(x).reshape(b, c // 8, h * w)
        phi = F.max_pool2d(self.snconv1x1_phi(x), 2).reshape(b, c // 8, h * w // 4)
        attn = torch.softmax(torch.bmm(theta.transpose(1, 2), phi), dim=-1)  # [b, hw, hw/4]
        g = F.max_pool2d(self.snconv1x1_g(x), 2).reshape(b, c // 2, h * w // 4)
        out = torch.bmm(g, attn.transpose(1, 2)).reshape(b, c // 2, h, w)
        return x + self.gamma * self.snconv1x1_o_conv(out)

    def jvp(self, x, t) -> Tuple[torch.Tensor, torch.Tensor]:
        """Primal x [1, C, H, W], tangents t [K, C, H, W]; products broadcast the primal over K."""
        _, c, h, w = x.shape
        k = t.shape[0]
        theta = self.snconv1x1_theta(x).reshape(1, c // 8, h * w)
        dtheta = self.snconv1x1_theta.tangent(t).reshape(k, c // 8, h * w)
        phi, dphi = max_pool_jvp(self.snconv1x1_phi(x), self.snconv1x1_phi.tangent(t))
        phi, dphi = phi.reshape(1, c // 8, h * w // 4), dphi.reshape(k, c // 8, h * w // 4)
        attn = torch.softmax(torch.bmm(theta.transpose(1, 2), phi), dim=-1)
        # d softmax(S) = A * (dS - sum(A * dS)) row by row, with dS = dtheta^T phi + theta^T dphi.
        ds = torch.matmul(dtheta.transpose(1, 2), phi) + torch.matmul(theta.transpose(1, 2), dphi)
        dattn = attn * (ds - (attn * ds).sum(-1, keepdim=True))
        g, dg = max_pool_jvp(self.snconv1x1_g(x), self.snconv1x1_g.tangent(t))
        g, dg = g.reshape(1, c // 2, h * w // 4), dg.reshape(k, c // 2, h * w // 4)
        out = torch.bmm(g, attn.transpose(1, 2)).reshape(1, c // 2, h, w)
        dout = (torch.matmul(dg, attn.transpose(1, 2)) + torch.matmul(g, dattn.transpose(1, 2))).reshape(k, c // 2, h, w)
        return x + self.gamma * self.snconv1x1_o_conv(out), t + self.gamma * self.snconv1x1_o_conv.tangent(dout)


class Generator(nn.Module):
    def __init__(self, config: dict):
        super().__init__()
        ch = config["channel_width"]
        cond_dim = config["z_dim"] + config["class_embed_dim"]
        n_stats, eps = config["n_stats"], config["eps"]
        self.first_channels = config["layers"][0][1] * ch
        self.gen_z = SNLinear(cond_dim, 4 * 4 * self.first_channels)
        layers: List[nn.Module] = []
        for i, (up, cin, cout) in enumerate(config["layers"]):
            if i == config["attention_layer_position"]:
                layers.append(SelfAttention(cin * ch))
            layers.append(GenBlock(cin * ch, cout * ch, bool(up), cond_dim, n_stats, eps))
        self.layers = nn.ModuleList(layers)
        self.bn = PlainBatchNorm(ch, n_stats, eps)
        self.conv_to_rgb = SNConv2d(ch, ch, 3)

    def forward(self, cond, truncation: float):
        x = self.gen_z(cond).reshape(-1, 4, 4, self.first_channels).permute(0, 3, 1, 2)
        for layer in self.layers:
            x = layer(x) if isinstance(layer, SelfAttention) else layer(x, cond, truncation)
        x = self.conv_to_rgb(F.relu(self.bn(x, truncation)))
        return torch.tanh(x[:, :3])

    def jvp(self, cond, dcond, truncation: float) -> Tuple[torch.Tensor, torch.Tensor]:
        """(G(cond), dG(cond) dcond) for one cond [1, D] and K tangents dcond [K, D], by forward mode."""
        x = self.gen_z(cond).reshape(-1, 4, 4, self.first_channels).permute(0, 3, 1, 2)
        t = self.gen_z.tangent(dcond).reshape(-1, 4, 4, self.first_channels).permute(0, 3, 1, 2)
        for layer in self.layers:
            if isinstance(layer, SelfAttention):
                x, t = layer.jvp(x, t)
            else:
                x, t = layer.jvp(x, t, cond, dcond, truncation)
        x, t = relu_jvp(*self.bn.jvp(x, t, truncation))
        y = torch.tanh(self.conv_to_rgb(x)[:, :3])
        return y, self.conv_to_rgb.tangent(t)[:, :3] * (1 - y * y)


class BigGAN(nn.Module):
    """State-dict layout of the whole pytorch_model.bin: `embeddings.*` and `generator.*`."""

    def __init__(self, config: dict = None):
        super().__init__()
        self.config = dict(config or PUBLIC_CONFIG)
        self.embeddings = nn.Linear(self.config["num_classes"], self.config["class_embed_dim"], bias=False)
        self.generator = Generator(self.config)

    def forward(self, z, class_vector, truncation: float):
        return self.generator(torch.cat([z, self.embeddings(class_vector)], dim=1), truncation)


class AtTruncation(nn.Module):
    """One latent space of BigGAN at a fixed truncation, as a [B, dim] -> image module.

    `space`: 'noise' (u, the unscaled truncated-normal sample; z = truncation * u; class fixed),
    'class' (class embedding e; noise fixed to truncation * u0) or 'full' ([u, e]).
    """

    def __init__(self, model: BigGAN, truncation: float, space: str, class_embedding: torch.Tensor, fixed_u: torch.Tensor):
        super().__init__()
        self.generator = model.generator
        self.truncation = float(truncation)
        self.space = space
        self.z_dim = model.config["z_dim"]
        self.register_buffer("class_embedding", class_embedding.reshape(1, -1).clone())
        self.register_buffer("fixed_u", fixed_u.reshape(1, -1).clone())

    def forward(self, code):
        b = code.shape[0]
        if self.space == "noise":
            u, e = code, self.class_embedding.expand(b, -1)
        elif self.space == "class":
            u, e = self.fixed_u.expand(b, -1), code
        else:
            u, e = code[:, : self.z_dim], code[:, self.z_dim:]
        return self.generator(torch.cat([u * self.truncation, e], dim=1), self.truncation)

    def jvp(self, code, v) -> Tuple[torch.Tensor, torch.Tensor]:
        """(G(code), dG(code) v) for one code [1, dim] and K tangents v [K, dim]: forward mode, for the
        reason PGGANGenerator.jvp gives (libtorch's convolution double backward)."""
        k = v.shape[0]
        if self.space == "noise":
            u, e = code, self.class_embedding
            du, de = v, v.new_zeros(k, self.class_embedding.shape[1])
        elif self.space == "class":
            u, e = self.fixed_u, code
            du, de = v.new_zeros(k, self.fixed_u.shape[1]), v
        else:
            u, e = code[:, : self.z_dim], code[:, self.z_dim:]
            du, de = v[:, : self.z_dim], v[:, self.z_dim:]
        cond = torch.cat([u * self.truncation, e], dim=1)
        return self.generator.jvp(cond, torch.cat([du * self.truncation, de], dim=1), self.truncation)
