"""StyleGAN2 generator (Karras et al. 2020) in the rosinality checkpoint layout.

The same modules run NVIDIA's StyleGAN2-ADA generators (exporters/stylegan2_ada.py renames their
parameters): that variant differs only in two options here, `demod_weight_gain` and `conv_clamp`.

Differences from the training code, on purpose: the per-layer noise is always the stored
`noises.noise_i` buffers (a metric needs a deterministic generator), and modulation is applied to
the activations instead of the weights (mathematically identical, batch-size independent and
traceable without grouped convolutions).
"""
import math
from typing import Dict, List, Optional

import torch
import torch.nn.functional as F
from torch import nn

from eigenstudy_export.nets.gemm import conv2d_gemm, conv_transpose_gemm

SQRT2 = math.sqrt(2.0)


def channel_table(channel_multiplier: int) -> Dict[int, int]:
    cm = channel_multiplier
    return {4: 512, 8: 512, 16: 512, 32: 512, 64: 256 * cm, 128: 128 * cm, 256: 64 * cm, 512: 32 * cm, 1024: 16 * cm}


def blur_kernel_tensor(gain: float) -> torch.Tensor:
    k = torch.tensor([1.0, 3.0, 3.0, 1.0])
    k = k[:, None] * k[None, :]
    return k / k.sum() * gain


def upfirdn2d(x: torch.Tensor, kernel: torch.Tensor, up: int, pad0: int, pad1: int) -> torch.Tensor:
    """Zero-insertion upsampling by `up`, padding, then true convolution with `kernel` (per channel)."""
    b, c, h, w = x.shape
    if up > 1:
        x = x.reshape(b, c, h, 1, w, 1)
        x = F.pad(x, [0, up - 1, 0, 0, 0, up - 1])
        x = x.reshape(b, c, h * up, w * up)
    x = F.pad(x, [pad0, pad1, pad0, pad1])
    kh, kw = kernel.shape[0], kernel.shape[1]
    oh, ow = x.shape[2] - kh + 1, x.shape[3] - kw + 1
    weight = torch.flip(kernel, [0, 1]).to(x.dtype)
    # A sum of shifted, scaled copies, not a convolution op: libtorch's double backward of a
    # convolution always computes the kernel gradient as well (ATen `_convolution_double_backward`
    # ignores the output mask for it), a full-size correlation per blur for a constant kernel that
    # needs none; element-wise ops have no such cost in any derivative order.
    y = x[:, :, 0:oh, 0:ow] * weight[0, 0]
    for i in range(kh):
        for j in range(kw):
            if i + j > 0:
                y = y + x[:, :, i:i + oh, j:j + ow] * weight[i, j]
    return y


class PixelNorm(nn.Module):
    def forward(self, x):
        return x * torch.rsqrt(torch.mean(x * x, dim=1, keepdim=True) + 1e-8)


class EqualLinear(nn.Module):
    def __init__(self, cin: int, cout: int, lr_mul: float = 1.0, activate: bool = False):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(cout, cin) / lr_mul)
        self.bias = nn.Parameter(torch.zeros(cout))
        self.scale = lr_mul / math.sqrt(cin)
        self.lr_mul = lr_mul
        self.activate = activate

    def forward(self, x):
        out = F.linear(x, self.weight * self.scale, self.bias * self.lr_mul)
        return F.leaky_relu(out, 0.2) * SQRT2 if self.activate else out


def mapping_network(style_dim: int, n_mlp: int, lr_mlp: float) -> nn.Sequential:
    """z -> w: pixel norm and n_mlp equalised-lr leaky-ReLU layers (StyleGAN2 and, with NVIDIA's
    names, StyleGAN2-ADA and StyleGAN3: all three use the same mapping)."""
    return nn.Sequential(PixelNorm(), *[EqualLinear(style_dim, style_dim, lr_mlp, activate=True) for _ in range(n_mlp)])


class ConstantInput(nn.Module):
    def __init__(self, channels: int):
        super().__init__()
        self.input = nn.Parameter(torch.randn(1, channels, 4, 4))

    def forward(self, batch: int):
        return self.input.expand(batch, -1, -1, -1)


class Blur(nn.Module):
    def __init__(self, gain: float):
        super().__init__()
        self.register_buffer("kernel", blur_kernel_tensor(gain))


class ModulatedConv2d(nn.Module):
    """`weight_gain`: the equalised-lr constant on the stored weight; None is 1/sqrt(fan_in) (rosinality).
    StyleGAN2-ADA's demodulated convolutions use the stored weight unscaled (1.0): demodulation removes
    any constant factor, except inside its 1e-8 epsilon, which is why it is kept exact here."""

    def __init__(self, cin: int, cout: int, k: int, style_dim: int, demodulate: bool = True, upsample: bool = False,
                 weight_gain: Optional[float] = None):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(1, cout, cin, k, k))
        self.upsample = upsample
        if upsample:
            self.blur = Blur(gain=4.0)
        self.modulation = EqualLinear(style_dim, cin)
        self.scale = 1.0 / math.sqrt(cin * k * k) if weight_gain is None else float(weight_gain)
        self.kernel_size = k
        self.padding = k // 2
        self.demodulate = demodulate

    def forward(self, x: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
        style = self.modulation(w)
        weight = self.weight[0] * self.scale  # [out, in, k, k]
        x = x * style[:, :, None, None]
        if self.upsample:
            out = conv_transpose_gemm(x, weight.transpose(0, 1), self.kernel_size, 2, 0)
            out = upfirdn2d(out, self.blur.kernel, 1, 1, 1)
        else:
            out = conv2d_gemm(x, weight, self.kernel_size, self.padding)
        if self.demodulate:
            # sum over in,k,k of (weight * style)^2 = (style^2) @ sum_{k,k} weight^2
            demod = torch.rsqrt(F.linear(style * style, (weight * weight).sum(dim=(2, 3))) + 1e-8)
            out = out * demod[:, :, None, None]
        return out


class NoiseInjection(nn.Module):
    def __init__(self):
        super().__init__()
        self.weight = nn.Parameter(torch.zeros(1))

    def forward(self, x, noise):
        return x + self.weight * noise


def clamp_or_not(x: torch.Tensor, clamp: Optional[float]) -> torch.Tensor:
    """StyleGAN2-ADA's conv_clamp: activations limited to +-clamp (its float16 overflow guard, part of
    the function the trained weights compute, in float32 too)."""
    return x if clamp is None else x.clamp(-clamp, clamp)


class FusedLeakyReLU(nn.Module):
    def __init__(self, channels: int, clamp: Optional[float] = None):
        super().__init__()
        self.bias = nn.Parameter(torch.zeros(channels))
        self.clamp = clamp

    def forward(self, x):
        return clamp_or_not(F.leaky_relu(x + self.bias[None, :, None, None], 0.2) * SQRT2, self.clamp)


class StyledConv(nn.Module):
    def __init__(self, cin: int, cout: int, style_dim: int, upsample: bool = False,
                 weight_gain: Optional[float] = None, clamp: Optional[float] = None):
        super().__init__()
        self.conv = ModulatedConv2d(cin, cout, 3, style_dim, upsample=upsample, weight_gain=weight_gain)
        self.noise = NoiseInjection()
        self.activate = FusedLeakyReLU(cout, clamp)

    def forward(self, x, w, noise):
        return self.activate(self.noise(self.conv(x, w), noise))


class Upsample(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("kernel", blur_kernel_tensor(4.0))

    def forward(self, x):
        return upfirdn2d(x, self.kernel, 2, 2, 1)


class ToRGB(nn.Module):
    def __init__(self, cin: int, style_dim: int, upsample: bool = True, clamp: Optional[float] = None):
        super().__init__()
        self.clamp = clamp
        if upsample:
            self.upsample = Upsample()
        self.has_upsample = upsample
        self.conv = ModulatedConv2d(cin, 3, 1, style_dim, demodulate=False)
        self.bias = nn.Parameter(torch.zeros(1, 3, 1, 1))

    def forward(self, x, w, skip: torch.Tensor):
        out = clamp_or_not(self.conv(x, w) + self.bias, self.clamp)  # the clamp comes before the skip sum
        if self.has_upsample:
            out = out + self.upsample(skip)
        return out


class Noises(nn.Module):
    def __init__(self, size: int):
        super().__init__()
        log_size = int(math.log2(size))
        self.num_layers = (log_size - 2) * 2 + 1
        for i in range(self.num_layers):
            r = 2 ** ((i + 5) // 2)
            self.register_buffer(f"noise_{i}", torch.randn(1, 1, r, r))

    def as_list(self) -> List[torch.Tensor]:
        return [getattr(self, f"noise_{i}") for i in range(self.num_layers)]


class StyleGAN2Generator(nn.Module):
    """Full rosinality-layout generator; the exported pieces are `Mapping` and `Synthesis` below.

    `demod_weight_gain` and `conv_clamp` select the StyleGAN2-ADA variant (see ModulatedConv2d and
    clamp_or_not); their defaults are the original StyleGAN2."""

    def __init__(self, size: int = 256, style_dim: int = 512, n_mlp: int = 8, channel_multiplier: int = 2,
                 lr_mlp: float = 0.01, channels: Dict[int, int] = None,
                 demod_weight_gain: Optional[float] = None, conv_clamp: Optional[float] = None):
        super().__init__()
        self.size = size
        self.style_dim = style_dim
        ch = channels or channel_table(channel_multiplier)
        self.style = mapping_network(style_dim, n_mlp, lr_mlp)
        self.input = ConstantInput(ch[4])
        conv = dict(weight_gain=demod_weight_gain, clamp=conv_clamp)
        self.conv1 = StyledConv(ch[4], ch[4], style_dim, **conv)
        self.to_rgb1 = ToRGB(ch[4], style_dim, upsample=False, clamp=conv_clamp)
        log_size = int(math.log2(size))
        self.n_latent = log_size * 2 - 2
        self.convs = nn.ModuleList()
        self.to_rgbs = nn.ModuleList()
        cin = ch[4]
        for i in range(3, log_size + 1):
            cout = ch[2 ** i]
            self.convs.append(StyledConv(cin, cout, style_dim, upsample=True, **conv))
            self.convs.append(StyledConv(cout, cout, style_dim, **conv))
            self.to_rgbs.append(ToRGB(cout, style_dim, clamp=conv_clamp))
            cin = cout
        self.noises = Noises(size)

    def style_inputs(self) -> List[List[str]]:
        """For each W+ entry, the style affines (module paths) it feeds, in synthesis order: the map
        from that w to features that SeFa factorises. Follows `synthesize`'s indexing; ToRGB layers
        share the w of the next resolution's first convolution."""
        out = [["conv1.conv.modulation"], ["to_rgb1.conv.modulation"]]
        for i in range(len(self.to_rgbs)):
            out[-1].append(f"convs.{2 * i}.conv.modulation")
            out.append([f"convs.{2 * i + 1}.conv.modulation"])
            out.append([f"to_rgbs.{i}.conv.modulation"])
        return out

    def synthesize(self, latents: torch.Tensor) -> torch.Tensor:
        """latents: W+ [B, n_latent, style_dim]."""
        noise = self.noises.as_list()
        x = self.input(latents.shape[0])
        x = self.conv1(x, latents[:, 0], noise[0])
        skip = self.to_rgb1(x, latents[:, 1], x)
        for i, to_rgb in enumerate(self.to_rgbs):
            x = self.convs[2 * i](x, latents[:, 1 + 2 * i], noise[1 + 2 * i])
            x = self.convs[2 * i + 1](x, latents[:, 2 + 2 * i], noise[2 + 2 * i])
            skip = to_rgb(x, latents[:, 3 + 2 * i], skip)
        return skip


class Mapping(nn.Module):
    """z [B, 512] -> w [B, 512], with truncation w' = avg + psi (w - avg) (psi = 1: no truncation)."""

    def __init__(self, g: StyleGAN2Generator, latent_avg: torch.Tensor, psi: float):
        super().__init__()
        self.style = g.style
        self.register_buffer("latent_avg", latent_avg.reshape(1, -1).clone())
        self.psi = float(psi)

    def forward(self, z):
        w = self.style(z)
        return self.latent_avg + self.psi * (w - self.latent_avg)


class Synthesis(nn.Module):
    """w [B, 512] (the same w for every layer) -> image [B, 3, size, size]."""

    def __init__(self, g: StyleGAN2Generator):
        super().__init__()
        self.g = g
        self.n_latent = g.n_latent

    def forward(self, w):
        return self.g.synthesize(w[:, None, :].expand(-1, self.n_latent, -1))


class SynthesisWPlus(nn.Module):
    """W+ codes [B, n_latent * 512] -> image: a w per style input, in synthesis order, flattened.

    Flat rather than [B, n_latent, 512] because a model card's space and geometry-core's engine take
    codes [B, dim]; row-major flattening makes layer l's w the slice [l * 512, (l + 1) * 512)."""

    def __init__(self, g: StyleGAN2Generator):
        super().__init__()
        self.g = g
        self.n_latent = g.n_latent
        self.style_dim = g.style_dim

    def forward(self, ws):
        return self.g.synthesize(ws.reshape(ws.shape[0], self.n_latent, self.style_dim))


class ZGenerator(nn.Module):
    def __init__(self, mapping: Mapping, synthesis: Synthesis):
        super().__init__()
        self.mapping = mapping
        self.synthesis = synthesis

    def forward(self, z):
        return self.synthesis(self.mapping(z))
