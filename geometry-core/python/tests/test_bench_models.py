"""A benchmark slice is the full module at [code_K, fixed tail], and the FLOP counts match counts by
hand for the narrow test configurations."""
import json

import torch

from eigenstudy_export import random_checkpoints as rc
from eigenstudy_export.bench_models import biggan_deep_config, pggan_config, profiled_gflop, synthesis_gflop, write_leading
from eigenstudy_export.nets.biggan import PUBLIC_CONFIG
from eigenstudy_export.exporters import pggan, stylegan2
from eigenstudy_export.nets.pggan import PGGANGenerator
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


def test_pggan_slice_of_z_equals_the_generator_at_the_fixed_tail(tmp_path):
    rc.write_pggan(tmp_path / "pg.pt", seed=4)
    export = tmp_path / "pg"
    pggan.export(tmp_path / "pg.pt", export, "pg", Progress(quiet=True))
    card_path = write_leading(export, 3, seed=2, forward_gflop=1.0, space_name="z")
    card = json.loads(card_path.read_text())
    assert [(s["name"], s["dim"]) for s in card["spaces"]] == [("z", 3)]
    dim = rc.NARROW_PGGAN["latentVectorDim"]
    full = torch.jit.load(str(export / "generator_z.pt"))
    sliced = torch.jit.load(str(card_path.parent / card["spaces"][0]["module"]))
    with torch.no_grad():
        tail = torch.randn(1, dim, generator=torch.Generator().manual_seed(2)).clamp(-2, 2)[:, 3:]
        zk = torch.randn(2, 3, generator=torch.Generator().manual_seed(8))
        assert torch.equal(sliced(zk), full(torch.cat([zk, tail.expand(2, -1)], 1)))
        # The slice keeps the generator's forward mode, with the tail held fixed.
        assert card["spaces"][0]["jvp"] is True
        v = torch.randn(4, 3, generator=torch.Generator().manual_seed(9))
        z = torch.cat([zk[:1], tail], 1)
        for got, expected in zip(sliced.jvp(zk[:1], v), full.jvp(z, torch.cat([v, torch.zeros(4, dim - 3)], 1))):
            assert torch.equal(got, expected)


def test_profiled_gflop_counts_pggans_products_by_hand():
    # NARROW_PGGAN: z 16 -> dense 16 * 4 * 4 * depth0; 3x3 convs depth0 -> depth0 at 4 px, then per scale
    # two 3x3 convs at twice the size; toRGB (1x1, 3 channels) at the last scale only.
    cfg = rc.NARROW_PGGAN
    depths = [cfg["depthScale0"]] + list(cfg["depthOtherScales"])
    macs = cfg["latentVectorDim"] * 16 * depths[0] + depths[0] * depths[0] * 9 * 16
    size = 4
    for cin, cout in zip(depths[:-1], depths[1:]):
        size *= 2
        macs += (cin * cout + cout * cout) * 9 * size * size
    macs += depths[-1] * 3 * size * size
    model = PGGANGenerator(cfg["latentVectorDim"], cfg["depthScale0"], cfg["depthOtherScales"]).eval()
    assert abs(profiled_gflop(model, torch.randn(2, cfg["latentVectorDim"])) * 1e9 - 2 * macs) < 1e-3 * 2 * macs


def test_published_shapes_by_size():
    # 256 px: the published files' layouts; larger sizes follow the same rules one resolution further.
    assert pggan_config(256)["depthOtherScales"] == [512, 512, 512, 256, 128, 64]
    assert pggan_config(1024)["depthOtherScales"] == [512, 512, 512, 256, 128, 64, 32, 16]
    assert biggan_deep_config(256) == PUBLIC_CONFIG
    big = biggan_deep_config(512)
    assert big["output_dim"] == 512 and big["layers"][:12] == PUBLIC_CONFIG["layers"] and len(big["layers"]) == 14
