"""Procedural data set: anti-aliased coloured shapes on a coloured background, with known factors.

Rendered with signed-distance functions on a pixel grid, so every image is exactly reproducible
from its factors and nothing is downloaded.
"""
import math
from dataclasses import dataclass

import torch

SHAPES = ("circle", "square", "triangle", "cross")


@dataclass
class Factors:
    """Per-image generative factors, each a tensor of shape [N]."""

    shape: torch.Tensor  # int index into SHAPES
    x: torch.Tensor  # centre, in [-1, 1] image coordinates
    y: torch.Tensor
    size: torch.Tensor  # circumscribed radius, image-half-width units
    rotation: torch.Tensor  # radians
    hue: torch.Tensor  # object hue in [0, 1)
    background_hue: torch.Tensor  # background hue in [0, 1)


def sample_factors(n: int, generator: torch.Generator) -> Factors:
    def uniform(lo, hi):
        return lo + (hi - lo) * torch.rand(n, generator=generator)

    size = uniform(0.35, 0.65)
    # Keep the whole shape inside the frame: the centre may move by at most 1 - size (minus a margin).
    span = 0.95 - size
    return Factors(
        shape=torch.randint(len(SHAPES), (n,), generator=generator),
        x=(2 * torch.rand(n, generator=generator) - 1) * span,
        y=(2 * torch.rand(n, generator=generator) - 1) * span,
        size=size,
        rotation=uniform(0.0, 2 * math.pi),
        hue=torch.rand(n, generator=generator),
        background_hue=torch.rand(n, generator=generator),
    )


def hsv_to_rgb(h: torch.Tensor, s: float, v: float) -> torch.Tensor:
    """Hue [N] in [0,1) with fixed saturation/value -> RGB [N, 3] in [0, 1]."""
    k = torch.stack([(5 + h * 6) % 6, (3 + h * 6) % 6, (1 + h * 6) % 6], dim=1)
    return v - v * s * torch.clamp(torch.minimum(k, 4 - k), 0, 1)


def _signed_distance(f: Factors, px: torch.Tensor, py: torch.Tensor) -> torch.Tensor:
    """Signed distance (negative inside) of every pixel to each image's shape: [N, H, W]."""
    dx = px[None] - f.x[:, None, None]
    dy = py[None] - f.y[:, None, None]
    c, s = torch.cos(f.rotation)[:, None, None], torch.sin(f.rotation)[:, None, None]
    u, v = c * dx + s * dy, -s * dx + c * dy
    r = f.size[:, None, None]
    circle = torch.sqrt(u * u + v * v) - 0.8 * r
    half = r / math.sqrt(2.0)
    square = torch.maximum(u.abs(), v.abs()) - half
    # Triangle as the intersection of three half-planes whose normals are 120 degrees apart.
    inradius = r * 0.5
    triangle = torch.stack(
        [u * math.cos(a) + v * math.sin(a) for a in (math.pi / 2, math.pi / 2 + 2 * math.pi / 3, math.pi / 2 + 4 * math.pi / 3)]
    ).amax(0) - inradius
    arm = 0.33 * r
    cross = torch.minimum(
        torch.maximum(u.abs() - r * 0.95, v.abs() - arm), torch.maximum(u.abs() - arm, v.abs() - r * 0.95)
    )
    table = torch.stack([circle, square, triangle, cross], dim=1)
    return table.gather(1, f.shape[:, None, None, None].expand(-1, 1, *px.shape)).squeeze(1)


def render(f: Factors, resolution: int = 64) -> torch.Tensor:
    """Images [N, 3, R, R] in [-1, 1]."""
    coords = (torch.arange(resolution, dtype=torch.float32) + 0.5) / resolution * 2 - 1
    py, px = torch.meshgrid(coords, coords, indexing="ij")
    pixel = 2.0 / resolution
    coverage = torch.clamp(0.5 - _signed_distance(f, px, py) / pixel, 0, 1)[:, None]
    obj = hsv_to_rgb(f.hue, 0.85, 0.95)[:, :, None, None]
    bg = hsv_to_rgb(f.background_hue, 0.45, 0.35)[:, :, None, None]
    img = coverage * obj + (1 - coverage) * bg
    return img * 2 - 1


def sample_images(n: int, generator: torch.Generator, resolution: int = 64) -> torch.Tensor:
    return render(sample_factors(n, generator), resolution)
