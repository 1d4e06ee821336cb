"""Procedural data set of the demo generator: one flat-coloured shape on a softly shaded background.

Every image is a fixed, smooth function of a latent code z ~ N(0, I_64): ``render(factors_of(z))``.
The code is first rotated by a fixed random orthogonal matrix, so no factor lies along a coordinate
axis of z (a learned generator's eigen-axes are not axis-aligned either), and then read as

- 4 geometry factors: shape (a continuous morph circle -> square -> triangle), centre x and y, size
  (upright, unrotated shapes: rotation made shapes much slower to learn on the shared CPU);
- 3 object colour channels and 3 background colour channels;
- 54 coefficients of smooth background shading patterns (2-D cosines of rising frequency) whose
  amplitudes decay, so every dimension changes the image a little and the metric's spectrum decays
  gradually instead of being exactly rank 10.

Rendering uses signed-distance functions on the pixel grid with one-pixel anti-aliased edges, batched
in torch; nothing is downloaded.
"""
import math
from dataclasses import dataclass

import torch

LATENT_DIM = 64
GEOMETRY = ("shape", "x", "y", "size")
PATTERNS = LATENT_DIM - len(GEOMETRY) - 6
ROTATION_SEED = 20261122  # fixes the orthogonal matrix that mixes z before it is read as factors


@dataclass
class Factors:
    """Per-image generative factors (N images)."""

    shape: torch.Tensor  # [N] in (0, 2): 0 circle, 1 square, 2 triangle, blends in between
    x: torch.Tensor  # [N] centre, in [-1, 1] image coordinates (x right, y down)
    y: torch.Tensor
    size: torch.Tensor  # [N] shape scale, image-half-width units
    color: torch.Tensor  # [N, 3] object RGB in [0, 1]
    background: torch.Tensor  # [N, 3] background RGB in [0, 1]
    shading: torch.Tensor  # [N, PATTERNS] coefficients of the background shading patterns


def mixing_matrix() -> torch.Tensor:
    """The fixed orthogonal matrix Q: factor coordinates u = Q z."""
    a = torch.randn(LATENT_DIM, LATENT_DIM, generator=torch.Generator().manual_seed(ROTATION_SEED),
                    dtype=torch.float64)
    q, r = torch.linalg.qr(a)
    return (q * torch.sign(torch.diagonal(r))).float()  # sign fix makes Q unique


def pattern_amplitudes() -> torch.Tensor:
    """Amplitude of each shading pattern (in [0, 1] colour units per unit of its coordinate)."""
    return 0.035 * (torch.arange(PATTERNS, dtype=torch.float32) + 1) ** -0.8


def factors_of(z: torch.Tensor) -> Factors:
    """The documented map from codes z [N, 64] to factors."""
    u = z @ mixing_matrix().to(z.dtype).T
    g = u[:, : len(GEOMETRY)]
    return Factors(
        # tanh(2u) puts most codes near a pure shape; the blends between stay continuous in z.
        shape=1 + torch.tanh(2.0 * g[:, 0]),
        x=0.32 * torch.tanh(0.9 * g[:, 1]),
        y=0.32 * torch.tanh(0.9 * g[:, 2]),
        size=0.40 + 0.20 * torch.sigmoid(1.5 * g[:, 3]),
        color=0.35 + 0.6 * torch.sigmoid(1.7 * u[:, 4:7]),
        background=0.22 + 0.12 * torch.tanh(u[:, 7:10]),
        shading=u[:, 10:],
    )


def sample_factors(n: int, generator: torch.Generator) -> Factors:
    return factors_of(torch.randn(n, LATENT_DIM, generator=generator))


def _grid(resolution: int, dtype: torch.dtype):
    coords = (torch.arange(resolution, dtype=dtype) + 0.5) / resolution * 2 - 1
    py, px = torch.meshgrid(coords, coords, indexing="ij")
    return px, py


def _patterns(px: torch.Tensor, py: torch.Tensor) -> torch.Tensor:
    """[PATTERNS, R, R]: 2-D cosines cos(pi k (x+1)/2) cos(pi l (y+1)/2), lowest frequencies first, RMS 1."""
    pairs = sorted(((k, l) for k in range(12) for l in range(12) if (k, l) != (0, 0)), key=lambda p: (p[0] + p[1], p[0]))
    out = []
    for k, l in pairs[:PATTERNS]:
        p = torch.cos(math.pi * k * (px + 1) / 2) * torch.cos(math.pi * l * (py + 1) / 2)
        out.append(p / p.pow(2).mean().sqrt())
    return torch.stack(out)


def _signed_distance(f: Factors, px: torch.Tensor, py: torch.Tensor) -> torch.Tensor:
    """Signed distance (negative inside) of every pixel to each image's shape: [N, R, R].

    The three shapes have about the same area for a given size; a fractional shape factor blends the
    distance fields of its two neighbours (a rounded square, a square turning into a triangle).
    """
    u = px[None] - f.x[:, None, None]
    v = py[None] - f.y[:, None, None]
    r = f.size[:, None, None]
    circle = torch.sqrt(u * u + v * v + 1e-12) - 0.80 * r
    square = torch.maximum(u.abs(), v.abs()) - 0.72 * r
    # Equilateral triangle, apex up (y points down), as the intersection of three half-planes 120 degrees apart.
    normals = (math.pi / 2, math.pi / 2 + 2 * math.pi / 3, math.pi / 2 + 4 * math.pi / 3)
    triangle = torch.stack([u * math.cos(a) + v * math.sin(a) for a in normals]).amax(0) - 0.55 * r
    w = f.shape[:, None, None]
    low = circle + (square - circle) * w.clamp(0, 1)
    high = square + (triangle - square) * (w - 1).clamp(0, 1)
    return torch.where(w < 1, low, high)


def render(f: Factors, resolution: int = 64) -> torch.Tensor:
    """Images [N, 3, R, R] in [-1, 1], in the factors' dtype (float64 for reference derivatives)."""
    return render_with_coverage(f, resolution)[0]


def render_with_coverage(f: Factors, resolution: int = 64):
    """(images [N, 3, R, R] in [-1, 1], object coverage [N, 1, R, R] in [0, 1])."""
    px, py = _grid(resolution, f.x.dtype)
    amplitudes = pattern_amplitudes().to(f.x.dtype)
    shading = torch.einsum("np,p,pij->nij", f.shading, amplitudes, _patterns(px, py))
    background = (f.background[:, :, None, None] + shading[:, None]).clamp(0, 1)
    coverage = torch.clamp(0.5 - _signed_distance(f, px, py) / (2.0 / resolution), 0, 1)[:, None]
    img = coverage * f.color[:, :, None, None] + (1 - coverage) * background
    return img * 2 - 1, coverage


def sample_images(n: int, generator: torch.Generator, resolution: int = 64) -> torch.Tensor:
    return render(sample_factors(n, generator), resolution)
