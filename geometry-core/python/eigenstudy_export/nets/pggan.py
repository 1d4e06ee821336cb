"""Progressive GAN generator (Karras et al. 2018) in the pytorch_GAN_zoo checkpoint layout.

Equalised learning rate: each layer stores unscaled weights and multiplies its output, bias
included, by sqrt(2 / fan_in) (this is how that checkpoint format was trained).
"""
import math
from typing import List

import torch
import torch.nn.functional as F
from torch import nn


def pixel_norm(x: torch.Tensor) -> torch.Tensor:
    return x * torch.rsqrt(torch.mean(x * x, dim=1, keepdim=True) + 1e-8)


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


class EqualizedLinear(_Inner):
    def __init__(self, cin: int, cout: int):
        super().__init__(nn.Linear(cin, cout))
        self.scale = math.sqrt(2.0 / cin)

    def forward(self, x):
        return self.module(x) * self.scale


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
