"""The committed Java-side fixtures are consistent and are what the committed script produces."""
import json
from pathlib import Path

import numpy as np
import pytest
import torch

from eigenstudy_export import card
from eigenstudy_export.java_fixtures import main as java_fixtures_main
from eigenstudy_export.java_fixtures import write_all

EXPORTS = Path(__file__).resolve().parents[2] / "src" / "test" / "resources" / "exports"
# Float32 results are not bit-reproducible across CPUs: another SIMD width, blocking or FMA changes the order
# and rounding of every dot product. A dot product of n float32 terms carries a rounding error of about
# u * sqrt(n) relative to its magnitude (u = 2^-24, errors of random sign), and through L layers those errors
# add up (each layer is roughly norm-preserving: normalised or equalised-learning-rate weights). So two correct
# evaluations may differ by up to
#     2 * u * sqrt(n) * L * max|output|     (the 2: both runs round; n: the largest fan-in, in * k * k)
# PGGAN's is 2 * 5.96e-8 * 12 * 7 * 0.879 = 8.8e-6, six times the 1.5e-6 seen between two CPUs, while one
# weight of its first 3x3 convolution off by 0.1 % (a bug-sized error: a wrong constant, a mis-read
# checkpoint value) moves the outputs by 5.6e-4, 60 times the bound; test_tolerance_catches_one_wrong_weight
# checks that margin. (layers on the longest path, largest fan-in) per network:
NETWORKS = {
    # latent dense 16 -> 4x4, 4x4 conv, two convs at 8 px and at 16 px, toRGB; 16 channels x 3 x 3
    "pggan-narrow": (7, 16 * 9),
    # 2 mapping layers, the style affine, 7 modulated convs, toRGB; 16 channels x 3 x 3
    "stylegan2-narrow": (11, 16 * 9),
    # linear, 3 blocks of 4 convs, attention, output conv; attention sums over 16 x 16 positions
    "biggan-deep-narrow": (14, 256),
    # SqueezeNet's first conv and 8 fire modules (squeeze + expand) to the last LPIPS layer, then the
    # distance's sum (torch sums pairwise, log2(n) u, smaller than a conv's sqrt(576) u); 64 channels x 3 x 3
    "lpips-squeeze": (18, 64 * 9),
    # the uncommitted test-time trunks: AlexNet's 5 convs (conv4: 384 x 3 x 3), VGG-16's 13 (512 x 3 x 3), + sum
    "lpips-alex": (6, 384 * 9),
    "lpips-vgg": (14, 512 * 9),
}
# Seeded codes and images (Box-Muller's log, sqrt, cos and a product; a scale and shift for uniform images),
# copied checkpoint values: a few element-wise operations, no sums.
ELEMENTWISE = (4, 1)
U = 2.0 ** -24


def float32_atol(reference, layers: int, fan_in: int) -> float:
    return 2 * U * np.sqrt(fan_in) * layers * float(np.abs(reference).max())


def arithmetic(fixture: str, array: str):
    """(layers, fan-in) between the seeds and a committed array; inputs_w and inputs_wplus are the mapping
    network's output."""
    return NETWORKS[fixture] if array.startswith("outputs_") or array in ("inputs_w", "inputs_wplus") else ELEMENTWISE


FIXTURES = {
    "pggan-narrow": {"z": "generator_z.pt"},
    "stylegan2-narrow": {"z": "generator_z.pt", "w": "synthesis.pt", "wplus": "synthesis_wplus.pt"},
    "biggan-deep-narrow": {"noise": "generator_noise.pt", "class": "generator_class.pt", "full": "generator_full.pt"},
    "lpips-squeeze": {"x": "lpips_squeeze.pt"},
}


def _check_fixture(folder: Path, modules: dict):
    card_file = folder / ("feature-map-card.json" if folder.name.startswith("lpips") else "model-card.json")
    data = json.loads(card_file.read_text())
    for file, entry in data["files"].items():
        assert card.sha256_of(folder / file) == entry["sha256"]
    for space, module in modules.items():
        scripted = torch.jit.load(str(folder / module))
        inputs = torch.from_numpy(np.load(folder / f"inputs_{space}.npy"))
        expected = torch.from_numpy(np.load(folder / f"outputs_{space}.npy"))
        with torch.no_grad():
            # TorchScript may pick other kernels than eager mode did, and the CPU may be another one.
            atol = float32_atol(expected, *NETWORKS[folder.name])
            torch.testing.assert_close(scripted(inputs), expected, rtol=0, atol=atol)
    return data


def _check_lpips_distance(folder: Path, module: str):
    phi = torch.jit.load(str(folder / module))
    x, y = (torch.from_numpy(np.load(folder / f"inputs_{v}.npy")) for v in "xy")
    with torch.no_grad():
        got = ((phi(x) - phi(y)) ** 2).sum(1)
    expected = torch.from_numpy(np.load(folder / "outputs_lpips.npy"))
    torch.testing.assert_close(got, expected, rtol=0, atol=float32_atol(expected, *NETWORKS[folder.name]))


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_committed_torchscript_reproduces_reference_outputs(name):
    folder = EXPORTS / name
    _check_fixture(folder, FIXTURES[name])
    for path in folder.iterdir():
        assert path.stat().st_size < 20e6


def test_lpips_fixture_distance_is_squared_feature_distance():
    _check_lpips_distance(EXPORTS / "lpips-squeeze", "lpips_squeeze.pt")


def test_test_time_lpips_trunks_are_consistent(tmp_path):
    """What geometry-core's ExportsTest runs for the uncommitted alex and vgg exports."""
    java_fixtures_main([str(tmp_path), "--lpips", "alex", "vgg"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lpips-alex", "lpips-vgg"]
    for trunk in ("alex", "vgg"):
        folder = tmp_path / f"lpips-{trunk}"
        data = _check_fixture(folder, {"x": f"lpips_{trunk}.pt"})
        assert (data["name"], data["trunk"], data["input_range"]) == (f"lpips-{trunk}", trunk, [-1, 1])
        x = np.load(folder / "inputs_x.npy")
        assert x.shape == (3, 3, 96, 96) and x.min() >= -1 and x.max() <= 1
        _check_lpips_distance(folder, f"lpips_{trunk}.pt")


def test_script_regenerates_the_committed_reference_outputs(tmp_path):
    write_all(tmp_path)
    for name in FIXTURES:
        for committed in sorted((EXPORTS / name).glob("*.npy")):
            fresh = np.load(tmp_path / name / committed.name)
            reference = np.load(committed)
            atol = float32_atol(reference, *arithmetic(name, committed.stem))
            np.testing.assert_allclose(fresh, reference, rtol=0, atol=atol, err_msg=f"{name}/{committed.name}")


def test_tolerance_catches_one_wrong_weight():
    """The bound is no blanket: one weight of PGGAN's first 3x3 convolution off by 0.1 % fails it."""
    folder = EXPORTS / "pggan-narrow"
    scripted = torch.jit.load(str(folder / "generator_z.pt"))
    weight = dict(scripted.named_parameters())["scaleLayers.0.0.module.weight"]
    reference = np.load(folder / "outputs_z.npy")
    inputs = torch.from_numpy(np.load(folder / "inputs_z.npy"))
    atol = float32_atol(reference, *NETWORKS["pggan-narrow"])
    with torch.no_grad():
        assert np.abs(scripted(inputs).numpy() - reference).max() <= atol
        weight[8, 8, 1, 1] *= 1.001
        assert np.abs(scripted(inputs).numpy() - reference).max() > 10 * atol
