"""The committed demo generator: a valid card, samples that are its data set, a Hessian whose top
eigenvectors matter most, and that move what the renderer says they should.

The metric is the pixel MSE d^2(z0, z) = mean((G(z) - G(z0))^2); its Hessian at z0 is computed with
float64 autograd (torch.autograd.functional.hessian) on the eager generator rebuilt from the
committed TorchScript weights, averaged over a few points (the paper's "global Hessian"). The data set
is itself a differentiable function of z (shapes.render(shapes.factors_of(z))), so the same Hessian
of the renderer is an independent ground truth for the generator's.
"""
import json
from pathlib import Path

import torch

from eigenstudy_export import card
from eigenstudy_export.demo import dcgan, shapes

DEMO = Path(__file__).resolve().parents[2] / "models" / "demo"


def _load():
    data = json.loads((DEMO / "model-card.json").read_text())
    space = data["spaces"][0]
    scripted = torch.jit.load(str(DEMO / space["module"]))
    g = dcgan.Generator(space["dim"], data["extra"]["base_channels"])
    g.load_state_dict(scripted.state_dict())
    return data, scripted, g.eval()


def test_card_files_and_outputs():
    data, scripted, eager = _load()
    assert data["schema"] == "eigenstudy-model-card/1"
    assert (DEMO / "generator_z.pt").stat().st_size <= 10e6
    for file, entry in data["files"].items():
        assert card.sha256_of(DEMO / file) == entry["sha256"]
    z = torch.randn(5, 64, generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        images = scripted(z)
        torch.testing.assert_close(images, eager(z), rtol=1e-5, atol=1e-5)
    assert images.shape == (5, 3, 64, 64)
    assert images.min() >= -1 and images.max() <= 1
    # Different codes give different images (no collapse onto one picture).
    assert float((images[0] - images[1]).pow(2).mean()) > 1e-3


def _hessian(g64, z0):
    with torch.no_grad():
        target = g64(z0[None])

    def d2(z):
        return ((g64(z[None]) - target) ** 2).mean()

    return torch.autograd.functional.hessian(d2, z0)


def _renderer(z):
    return shapes.render(shapes.factors_of(z))


def test_top_eigenvectors_change_images_much_more_than_bottom_ones():
    _, _, eager = _load()
    g64 = eager.double()
    gen = torch.Generator().manual_seed(1)
    points = torch.randn(3, 64, generator=gen, dtype=torch.float64)
    hessians = [_hessian(g64, z0) for z0 in points]
    avg = torch.stack(hessians).mean(0)
    assert torch.allclose(avg, avg.T, atol=1e-10)
    evals, evecs = torch.linalg.eigh(avg)  # ascending
    top, bottom = evecs[:, -5:].T, evecs[:, :5].T
    assert evals[-1] > 0

    # Second-order check of the autograd Hessian against finite image changes at its own point:
    # mean((G(z0 + t v) - G(z0))^2) ~= t^2 v^T H v / 2 for a small step t.
    t = 1e-3
    with torch.no_grad():
        for v in top[-2:]:
            moved = ((g64((points[0] + t * v)[None]) - g64(points[0][None])) ** 2).mean()
            predicted = t * t * (v @ hessians[0] @ v) / 2
            assert abs(float(moved / predicted) - 1) < 0.05

    # The study's claim, at a visible step on fresh points: top axes change images far more.
    step = 2.0
    fresh = torch.randn(6, 64, generator=gen, dtype=torch.float64)
    with torch.no_grad():
        def change(vectors):
            base = g64(fresh)
            return torch.stack([((g64(fresh + step * v) - base) ** 2).mean() for v in vectors]).mean()

        top_change, bottom_change = change(top), change(bottom)
    # Committed model: about 500x.
    assert top_change > 50 * bottom_change, (float(top_change), float(bottom_change))


def test_generator_draws_its_data_set():
    """Prior samples are the rendered shapes of the same codes, far closer than the data's own spread."""
    _, _, eager = _load()
    z = torch.randn(256, 64, generator=torch.Generator().manual_seed(3))
    with torch.no_grad():
        target = _renderer(z)
        error = float(((eager(z) - target) ** 2).mean())
    spread = float(target.var(dim=0).mean())  # MSE of always drawing the mean image
    # Committed model: error 0.0085, spread 0.092 (ratio 0.09); a generator ignoring the shape or its
    # position would sit near the spread.
    assert error < 0.15 * spread, (error, spread)


def test_top_eigenspace_matches_the_renderers():
    """The generator's top metric directions are the renderer's (the factors a viewer sees change).

    k = 10: the renderer's shape, position, size and colour factors dominate its 54 faint shading
    patterns, so its top-10 eigenspace is well separated (a smaller k can cut through near-equal
    eigenvalues, whose order the generator need not reproduce).
    """
    _, _, eager = _load()
    g64 = eager.double()
    k = len(shapes.GEOMETRY) + 6
    points = torch.randn(3, 64, generator=torch.Generator().manual_seed(4), dtype=torch.float64)
    g_avg = torch.stack([_hessian(g64, z0) for z0 in points]).mean(0)
    r_avg = torch.stack([_hessian(_renderer, z0) for z0 in points]).mean(0)
    g_top = torch.linalg.eigh(g_avg)[1][:, -k:]
    r_top = torch.linalg.eigh(r_avg)[1][:, -k:]
    # Mean squared cosine of the principal angles between the two k-dim subspaces: 1 equal, k/64 random.
    # Committed model: 0.998.
    overlap = float((g_top.T @ r_top).pow(2).sum()) / k
    assert overlap > 0.9, overlap


def test_mixing_matrix_is_orthogonal():
    q = shapes.mixing_matrix().double()
    torch.testing.assert_close(q @ q.T, torch.eye(64, dtype=torch.float64), atol=1e-6, rtol=0)


def test_renderer_factors_are_visible():
    gen = torch.Generator().manual_seed(2)
    f = shapes.sample_factors(4, gen)
    images = shapes.render(f)
    assert images.shape == (4, 3, 64, 64) and images.min() >= -1 and images.max() <= 1
    # Moving the object moves its pixels: the rendered image changes with the x factor.
    f.x = f.x + 0.2
    assert float((shapes.render(f) - images).abs().max()) > 0.5


def test_features_module_is_the_generators_first_block():
    """features_z.pt (GANSpace's early layer) equals the eager generator's first ReLU output, read by
    a forward hook on the rebuilt generator rather than by the export's own FirstBlock."""
    data, _, eager = _load()
    space = data["spaces"][0]
    assert space["features"] == "features_z.pt"
    assert card.sha256_of(DEMO / space["features"]) == data["files"][space["features"]]["sha256"]
    module = torch.jit.load(str(DEMO / space["features"]))
    seen = {}
    eager.net[2].register_forward_hook(lambda m, i, out: seen.__setitem__("relu", out))
    z = torch.randn(6, 64, generator=torch.Generator().manual_seed(3))
    with torch.no_grad():
        eager(z)
        got = module(z)
    assert got.shape == (6, 128 * 4 * 4)
    torch.testing.assert_close(got, seen["relu"].flatten(1), rtol=1e-6, atol=1e-6)
