"""Progressive GAN generator (Karras et al. 2018) in the pytorch_GAN_zoo checkpoint layout.

Equalised learning rate: each layer stores unscaled weights and multiplies its output, bias
included, by sqrt(2 / fan_in) (this is how that checkpoint format was trained).
"""
import math
from typing import List, Tuple

import torch
import torch.nn.functional as F
from torch import nn


def pixel_norm(x: torch.Tensor) -> torch.Tensor:
    return x * torch.rsqrt(torch.mean(x * x, dim=1, keepdim=True) + 1e-8)


# Forward-mode rules for `PGGANGenerator.jvp`: each takes the primal input [1, ...] and the tangents
# [K, ...] and returns the primal output and the output tangents. Primal quantities broadcast over K.

def pixel_norm_jvp(x: torch.Tensor, t: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
    # y = x r with r = (mean x^2 + eps)^-1/2, so dy = t r - x r^3 mean(x t) = t r - y r^2 mean(x t).
    r = torch.rsqrt(torch.mean(x * x, dim=1, keepdim=True) + 1e-8)
    y = x * r
    # addcmul saves one pass over the K-sized tangents (memory-bound at 256 px and up).
    return y, torch.addcmul(t * r, y * (r * r), torch.mean(x * t, dim=1, keepdim=True), value=-1.0)


def leaky_relu_jvp(a: torch.Tensor, t: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
    # The slope is built at the primal's size (and dtype: where() with Python scalars gives float32).
    return F.leaky_relu(a, 0.2), t * ((a > 0).to(a.dtype) * 0.8 + 0.2)


class _Inner(nn.Module):
    """Holds the raw weight under the name `module` so keys read `<layer>.module.weight`."""

    def __init__(self, layer: nn.Module):
        super().__init__()
        self.module = layer


class EqualizedConv2d(_Inner):
    def __init__(self, cin: int, cout: int, k: int, padding: int):
        super().__init__(nn.Conv2d(cin, cout, k, padding=padding))
        self.scale = math.sqrt(2.0 / (cin * k * k))

    def forward(self, x):
        return self.module(x) * self.scale

    def tangent(self, t):
        """The layer's linear part (no bias): its derivative applied to the tangents t."""
        # The scale goes on the (small) kernel rather than on the K-sized output.
        return F.conv2d(t, self.module.weight * self.scale, None, self.module.stride, self.module.padding)


class EqualizedLinear(_Inner):
    def __init__(self, cin: int, cout: int):
        super().__init__(nn.Linear(cin, cout))
        self.scale = math.sqrt(2.0 / cin)

    def forward(self, x):
        return self.module(x) * self.scale

    def tangent(self, t):
        return F.linear(t, self.module.weight * self.scale)


class PGGANGenerator(nn.Module):
    """z [B, latent] -> image [B, 3, 4*2^S, 4*2^S]; no output activation (values roughly in [-1, 1])."""

    def __init__(self, latent_dim: int = 512, depth_scale0: int = 512, depth_other_scales: List[int] = (512, 512, 512, 256, 128, 64),
                 alpha: float = 0.0):
        super().__init__()
        self.latent_dim = latent_dim
        self.depth_scale0 = depth_scale0
        self.alpha = float(alpha)
        depths = [depth_scale0] + list(depth_other_scales)
        # Attribute order follows the checkpoint's key order.
        self.scaleLayers = nn.ModuleList(
            nn.ModuleList([EqualizedConv2d(cin, cout, 3, 1), EqualizedConv2d(cout, cout, 3, 1)])
            for cin, cout in zip(depths[:-1], depths[1:])
        )
        self.toRGBLayers = nn.ModuleList(EqualizedConv2d(d, 3, 1, 0) for d in depths)
        self.formatLayer = EqualizedLinear(latent_dim, 16 * depth_scale0)
        self.groupScale0 = nn.ModuleList([EqualizedConv2d(depth_scale0, depth_scale0, 3, 1)])

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        x = pixel_norm(z.reshape(z.shape[0], self.latent_dim))
        x = pixel_norm(F.leaky_relu(self.formatLayer(x), 0.2).view(-1, self.depth_scale0, 4, 4))
        x = pixel_norm(F.leaky_relu(self.groupScale0[0](x), 0.2))
        n = len(self.scaleLayers)
        previous = x
        for i, pair in enumerate(self.scaleLayers):
            if i == n - 1:
                previous = x
            x = F.interpolate(x, scale_factor=2.0, mode="nearest")
            for conv in pair:
                x = pixel_norm(F.leaky_relu(conv(x), 0.2))
        rgb = self.toRGBLayers[-1](x)
        if self.alpha > 0:
            # Fade-in of the previous resolution, only for checkpoints saved mid-transition.
            low = F.interpolate(self.toRGBLayers[-2](previous), scale_factor=2.0, mode="nearest")
            rgb = self.alpha * low + (1 - self.alpha) * rgb
        return rgb

    def jvp(self, z: torch.Tensor, v: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        """(G(z), dG(z) v) for one code z [1, latent] and K tangents v [K, latent], by forward mode.

        Why it exists: Jacobian columns by reverse mode alone (the double-VJP trick) differentiate
        libtorch's convolution backward, whose double backward also computes a kernel gradient that
        nothing uses; here each column costs one pass of the convolutions (without bias) on its
        tangent plus element-wise work, the primal pass being shared by all K. Exporters trace it as
        a second method of the module file (not @torch.jit.export, which would script it instead).
        """
        x, t = pixel_norm_jvp(z.reshape(z.shape[0], self.latent_dim), v.reshape(v.shape[0], self.latent_dim))
        x, t = leaky_relu_jvp(self.formatLayer(x), self.formatLayer.tangent(t))
        x, t = pixel_norm_jvp(x.view(-1, self.depth_scale0, 4, 4), t.view(-1, self.depth_scale0, 4, 4))
        x, t = pixel_norm_jvp(*leaky_relu_jvp(self.groupScale0[0](x), self.groupScale0[0].tangent(t)))
        n = len(self.scaleLayers)
        previous, previous_t = x, t
        for i, pair in enumerate(self.scaleLayers):
            if i == n - 1:
                previous, previous_t = x, t
            x = F.interpolate(x, scale_factor=2.0, mode="nearest")
            t = F.interpolate(t, scale_factor=2.0, mode="nearest")
            for conv in pair:
                x, t = pixel_norm_jvp(*leaky_relu_jvp(conv(x), conv.tangent(t)))
        rgb, rgb_t = self.toRGBLayers[-1](x), self.toRGBLayers[-1].tangent(t)
        if self.alpha > 0:
            low = F.interpolate(self.toRGBLayers[-2](previous), scale_factor=2.0, mode="nearest")
            low_t = F.interpolate(self.toRGBLayers[-2].tangent(previous_t), scale_factor=2.0, mode="nearest")
            rgb = self.alpha * low + (1 - self.alpha) * rgb
            rgb_t = self.alpha * low_t + (1 - self.alpha) * rgb_t
        return rgb, rgb_t
