"""StyleGAN3 generator (Karras et al. 2021, "Alias-Free Generative Adversarial Networks"), configs T and R.

Written from the paper and the layout of NVIDIA's pickles (exporters/stylegan3.py renames their
tensors into these modules); the mapping network is StyleGAN2's. The synthesis network is:

- the input: Fourier features. C fixed frequencies f_c (2-D, |f_c| <= bandwidth) and phases φ_c;
  a style affine gives (r_c, r_s, t_x, t_y), normalised so (r_c, r_s) is a rotation, which with the
  translation and a stored 3x3 `transform` moves the frequencies and phases; features
  sin(2π (f_c·p + φ_c)) on a pixel grid p of `size` samples at `sampling_rate` (centred, half-pixel
  offsets), faded out where a transformed frequency leaves the band, then mixed by a C x C weight.
- layers: a modulated convolution (k x k "full", i.e. the output grows by k - 1; demodulated except
  in the last, ToRGB, layer; the input scaled by 1/sqrt(magnitude_ema)), then the filtered leaky
  ReLU: bias, upsample (zero insertion, pad, FIR filter), leaky ReLU with gain, clamp, FIR filter and
  downsample. The FIR filters are the designed low-pass filters stored in the pickle: separable
  (1-D taps) for upsampling and for config T's downsampling, radial 2-D for config R's downsampling.
- the image is the last layer's output times `output_scale`.

Evaluated in float32 (the official graph with force_fp32: its float16 layers only round differently).
StyleGAN3 has no noise inputs, so the generator is deterministic as it is.

As in nets/stylegan2.py, the filters are sums of shifted copies and the convolutions matrix products
(nets/gemm.py and upfirdn2d say why: libtorch's double backward of a convolution computes a weight
gradient nobody needs, and the Hessian methods differentiate twice); upsampling is polyphase and
downsampling computes only the kept samples, so no multiply-add is spent on a known zero or a
discarded output.
"""
import math
from typing import List, Optional

import torch
import torch.nn.functional as F
from torch import nn

from eigenstudy_export.nets.gemm import conv2d_gemm
from eigenstudy_export.nets.stylegan2 import EqualLinear, mapping_network

SQRT2 = math.sqrt(2.0)


def _every(x: torch.Tensor, dim: int, start: int, count: int, step: int) -> torch.Tensor:
    """`count` samples of x along `dim` from `start`, every `step`-th."""
    x = x.narrow(dim, start, (count - 1) * step + 1)
    if step == 1:
        return x
    index = [slice(None)] * x.dim()
    index[dim] = slice(None, None, step)
    return x[tuple(index)]


def upsample_axis(x: torch.Tensor, taps: torch.Tensor, dim: int, up: int, pad0: int, pad1: int) -> torch.Tensor:
    """Along one axis of [B, C, H, W] (dim 2 or 3): insert up - 1 zeros after each sample, pad (a
    negative pad crops), convolve with the 1-D `taps` (true convolution, only where the filter lies
    inside). A separable 2-D filter is this along W, then along H.

    Computed polyphase, without the zeros: output m = r + up·M (phase r) only meets the taps i of one
    residue, i = i0 + up·t with i0 = (pad0 - r) mod up, and then input sample M + t + c with
    c = (r + i0 - pad0) / up. So each phase is a short filter on the input itself and the phases are
    interleaved: 1/up of the multiply-adds of filtering the zero-inserted signal, which is most of
    a StyleGAN3 layer's time."""
    n = x.shape[dim]
    k = taps.shape[0]
    n_out = n * up + pad0 + pad1 - k + 1
    flipped = torch.flip(taps, [0]).to(x.dtype)
    per_phase = -(-n_out // up)  # outputs of phase 0, the most any phase has
    phases = []
    for r in range(up):
        i0 = (pad0 - r) % up
        c = (r + i0 - pad0) // up
        taps_r = list(range(i0, k, up))
        # input samples c .. c + per_phase + len(taps_r) - 2, zeros outside [0, n): pad or crop to them
        # (a phase without taps, possible only for filters shorter than up, is zero: one sample, times 0)
        last = c + per_phase + max(len(taps_r), 1) - 1
        xr = F.pad(x, [0, 0] * (3 - dim) + [-c, last - n])
        y = xr.narrow(dim, 0, per_phase) * (flipped[taps_r[0]] if taps_r else 0.0)
        for t, i in enumerate(taps_r[1:], start=1):
            y = y + xr.narrow(dim, t, per_phase) * flipped[i]
        phases.append(y)
    # interleave: [.., per_phase, up, ..] -> [.., per_phase * up, ..], then drop the surplus
    shape = list(x.shape)
    shape[dim] = per_phase * up
    return torch.stack(phases, dim + 1).reshape(shape).narrow(dim, 0, n_out)


def downsample_axis(x: torch.Tensor, taps: torch.Tensor, dim: int, down: int) -> torch.Tensor:
    """Along one axis: valid convolution with the 1-D `taps`, every `down`-th output. Only the kept
    outputs are computed: output m is sum_k taps[K-1-k] x[down·m + k]."""
    k = taps.shape[0]
    count = (x.shape[dim] - k) // down + 1
    flipped = torch.flip(taps, [0]).to(x.dtype)
    y = _every(x, dim, 0, count, down) * flipped[0]
    for i in range(1, k):
        y = y + _every(x, dim, i, count, down) * flipped[i]
    return y


def fir_down_2d(x: torch.Tensor, taps: torch.Tensor, down: int) -> torch.Tensor:
    """A non-separable (radial) filter [K, K], valid convolution, every `down`-th output per axis."""
    k = taps.shape[0]
    oh, ow = (x.shape[2] - k) // down + 1, (x.shape[3] - k) // down + 1
    flipped = torch.flip(taps, [0, 1]).to(x.dtype)
    y: Optional[torch.Tensor] = None
    for i in range(k):
        rows = _every(x, 2, i, oh, down)
        for j in range(k):
            term = _every(rows, 3, j, ow, down) * flipped[i, j]
            y = term if y is None else y + term
    return y


def _length(x: torch.Tensor, dim: int) -> torch.Tensor:
    """Euclidean length along `dim` (kept). Not Tensor.norm: that traces to aten::frobenius_norm, which
    newer libtorch builds (DJL's) deprecate."""
    return torch.sqrt(x.square().sum(dim=dim, keepdim=True))


class FourierInput(nn.Module):
    """The synthesis input: w -> [B, channels, size, size] Fourier features (see the module docstring)."""

    def __init__(self, w_dim: int, channels: int, size: int, sampling_rate: float, bandwidth: float):
        super().__init__()
        self.affine = EqualLinear(w_dim, 4)
        self.weight = nn.Parameter(torch.randn(channels, channels))
        self.register_buffer("transform", torch.eye(3))
        self.register_buffer("freqs", torch.zeros(channels, 2))
        self.register_buffer("phases", torch.zeros(channels))
        # sample positions: pixel centres of a `size`-sample grid centred on 0, in units of 1/sampling_rate
        grid = (torch.arange(size, dtype=torch.float64) + 0.5 - size / 2) / sampling_rate
        self.register_buffer("grid", grid.float(), persistent=False)
        self.sampling_rate = float(sampling_rate)
        self.bandwidth = float(bandwidth)
        self.channels = channels

    def moved_frequencies(self, w: torch.Tensor):
        """Frequencies [B, C, 2] and phases [B, C] after the style's rotation and translation and the
        stored transform (a rotation of the image rotates its frequencies, a translation shifts phases)."""
        t = self.affine(w)
        t = t / _length(t[:, :2], 1)
        c, s, tx, ty = t.unbind(1)
        zero, one = torch.zeros_like(c), torch.ones_like(c)
        # inverse rotation (c, s) after inverse translation (tx, ty), as one affine matrix per sample
        m = torch.stack([torch.stack([c, -s, -c * tx + s * ty], 1),
                         torch.stack([s, c, -s * tx - c * ty], 1),
                         torch.stack([zero, zero, one], 1)], 1)
        m = torch.matmul(m, self.transform)
        phases = self.phases + torch.matmul(self.freqs, m[:, :2, 2:]).squeeze(2)
        freqs = torch.matmul(self.freqs, m[:, :2, :2])
        return freqs, phases

    def forward(self, w: torch.Tensor) -> torch.Tensor:
        freqs, phases = self.moved_frequencies(w)
        # fade out what the transform pushed beyond the band, to zero at the Nyquist frequency
        amplitudes = (1 - (_length(freqs, 2).squeeze(2) - self.bandwidth) / (self.sampling_rate / 2 - self.bandwidth)).clamp(0, 1)
        g = self.grid
        arg = (g[None, None, None, :] * freqs[:, :, 0, None, None] + g[None, None, :, None] * freqs[:, :, 1, None, None]
               + phases[:, :, None, None])
        x = torch.sin(arg * (2 * math.pi)) * amplitudes[:, :, None, None]
        b, ch, h, wd = x.shape
        mix = self.weight / math.sqrt(self.channels)
        return torch.matmul(mix, x.reshape(b, ch, h * wd)).reshape(b, ch, h, wd)


class AliasFreeLayer(nn.Module):
    """One synthesis layer: modulated convolution and filtered leaky ReLU (the ToRGB layer when
    `is_torgb`: 1x1, not demodulated, no activation). `padding` [x0, x1, y0, y1] and the factors are
    the pickle's; filters of one tap (identity) are given as None."""

    def __init__(self, w_dim: int, cin: int, cout: int, kernel: int, is_torgb: bool, up: int, down: int,
                 padding: List[int], up_filter: Optional[torch.Tensor], down_filter: Optional[torch.Tensor],
                 clamp: Optional[float]):
        super().__init__()
        self.affine = EqualLinear(w_dim, cin)
        self.weight = nn.Parameter(torch.randn(cout, cin, kernel, kernel))
        self.bias = nn.Parameter(torch.zeros(cout))
        self.register_buffer("magnitude_ema", torch.ones([]))
        # filters are part of the state (the pickle's designed taps); a one-tap identity is stored as [1]
        self.register_buffer("up_filter", torch.ones(1) if up_filter is None else up_filter.clone())
        self.register_buffer("down_filter", torch.ones(1) if down_filter is None else down_filter.clone())
        self.kernel, self.is_torgb, self.up, self.down = kernel, is_torgb, up, down
        self.padding = [int(p) for p in padding]
        self.down_radial = down_filter is not None and down_filter.dim() == 2
        self.clamp = clamp
        self.torgb_gain = 1 / math.sqrt(cin * kernel * kernel)  # ToRGB's styles carry the equalised-lr constant

    def modulated_conv(self, x: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
        styles = self.affine(w)
        weight = self.weight
        if self.is_torgb:
            styles = styles * self.torgb_gain
        else:
            # Pre-normalising the weight (RMS 1 per output channel) is part of the function: it changes
            # what demodulation's 1e-8 is small against. The official code also divides the styles by
            # their RMS over the whole batch, a factor demodulation cancels up to that epsilon; here it
            # is per sample, so that a sample's image never depends on the rest of its batch.
            weight = weight * torch.rsqrt(weight.square().mean(dim=[1, 2, 3], keepdim=True))
            styles = styles * torch.rsqrt(styles.square().mean(dim=1, keepdim=True))
        out = conv2d_gemm(x * styles[:, :, None, None], weight, self.kernel, self.kernel - 1)
        if not self.is_torgb:
            demod = torch.rsqrt(F.linear(styles * styles, weight.square().sum(dim=(2, 3))) + 1e-8)
            out = out * demod[:, :, None, None]
        # the input gain: 1/sqrt of the tracked mean square of this layer's input
        return out * torch.rsqrt(self.magnitude_ema)

    def upsample(self, x: torch.Tensor) -> torch.Tensor:
        px0, px1, py0, py1 = self.padding
        taps = self.up_filter * self.up  # gain up² over the two axes keeps the mean of zero-inserted data
        x = upsample_axis(x, taps, 3, self.up, px0, px1)
        return upsample_axis(x, taps, 2, self.up, py0, py1)

    def downsample(self, x: torch.Tensor) -> torch.Tensor:
        if self.down_radial:
            return fir_down_2d(x, self.down_filter, self.down)
        x = downsample_axis(x, self.down_filter, 3, self.down)
        return downsample_axis(x, self.down_filter, 2, self.down)

    def forward(self, x: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
        x = self.modulated_conv(x, w) + self.bias[None, :, None, None]
        x = self.upsample(x)
        if not self.is_torgb:
            x = F.leaky_relu(x, 0.2) * SQRT2
        if self.clamp is not None:
            x = x.clamp(-self.clamp, self.clamp)
        return self.downsample(x)


class StyleGAN3Generator(nn.Module):
    """Mapping (`style`, StyleGAN2's) and the synthesis network, with the interface the StyleGAN2
    export wrappers use (`style`, `style_dim`, `n_latent`, `synthesize`), so Mapping, Synthesis,
    SynthesisWPlus and ZGenerator of nets/stylegan2.py wrap it unchanged. W+ order: the input's w,
    then one per layer (NVIDIA's num_ws = layers + 2, the ToRGB layer included)."""

    def __init__(self, style_dim: int, n_mlp: int, lr_mlp: float, size: int, synthesis_input: FourierInput,
                 layers: List[AliasFreeLayer], output_scale: float):
        super().__init__()
        self.style = mapping_network(style_dim, n_mlp, lr_mlp)
        self.style_dim = style_dim
        self.size = size
        self.input = synthesis_input
        self.layers = nn.ModuleList(layers)
        self.n_latent = len(layers) + 1
        self.output_scale = float(output_scale)

    def style_inputs(self) -> List[List[str]]:
        """For each W+ entry, the style affines (module paths) it feeds: the input's, then each
        layer's (see StyleGAN2Generator.style_inputs)."""
        return [["input.affine"]] + [[f"layers.{i}.affine"] for i in range(len(self.layers))]

    def synthesize(self, latents: torch.Tensor) -> torch.Tensor:
        """latents: W+ [B, n_latent, style_dim]."""
        x = self.input(latents[:, 0])
        for i, layer in enumerate(self.layers):
            x = layer(x, latents[:, i + 1])
        return x * self.output_scale
