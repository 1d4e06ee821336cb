"""The StyleGAN2 benchmark slice is the full synthesis at [w_K, fixed tail], and its FLOP count
matches a count by hand for the narrow test configuration."""
import json

import torch

from eigenstudy_export import random_checkpoints as rc
from eigenstudy_export.bench_models import synthesis_gflop, write_leading
from eigenstudy_export.exporters import stylegan2
from eigenstudy_export.progress import Progress


def test_leading_slice_equals_full_synthesis_at_the_fixed_tail(tmp_path):
    rc.write_stylegan2(tmp_path / "sg.pt", seed=3)
    export = tmp_path / "sg"
    stylegan2.export(tmp_path / "sg.pt", export, "sg", Progress(quiet=True))
    card_path = write_leading(export, 5, seed=1, forward_gflop=1.0)
    card = json.loads(card_path.read_text())
    assert [(s["name"], s["dim"]) for s in card["spaces"]] == [("w", 5)]
    dim = rc.NARROW_STYLEGAN2["style_dim"]
    mapping = torch.jit.load(str(export / "mapping.pt"))
    full = torch.jit.load(str(export / "synthesis.pt"))
    sliced = torch.jit.load(str(card_path.parent / card["spaces"][0]["module"]))
    with torch.no_grad():
        tail = mapping(torch.randn(1, dim, generator=torch.Generator().manual_seed(1)))[:, 5:]
        wk = torch.randn(3, 5, generator=torch.Generator().manual_seed(9))
        expected = full(torch.cat([wk, tail.expand(3, -1)], 1))
        assert torch.equal(sliced(wk), expected)


def test_synthesis_gflop_by_hand():
    # size 8, channels {4: 2, 8: 1}, style dim 4: conv 4px 2->2 (3x3), toRGB 4px 2->3 (1x1),
    # up-conv 2->1 at 4px input, conv 8px 1->1, toRGB 8px 1->3; modulation 2*4*cin per layer.
    macs = (2 * 2 * 9 * 16) + (2 * 3 * 16) + (2 * 1 * 9 * 16) + (1 * 1 * 9 * 64) + (1 * 3 * 64)
    modulation = 4 * (2 + 2 + 2 + 1 + 1)
    assert abs(synthesis_gflop(8, 4, {4: 2, 8: 1}) * 1e9 - 2 * (macs + modulation)) < 1e-6
