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
FIXTURES = {
    "pggan-narrow": {"z": "generator_z.pt"},
    "stylegan2-narrow": {"z": "generator_z.pt", "w": "synthesis.pt"},
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
            torch.testing.assert_close(scripted(inputs), expected, rtol=1e-5, atol=1e-5)
    return data


def _check_lpips_distance(folder: Path, module: str):
    phi = torch.jit.load(str(folder / module))
    x, y = (torch.from_numpy(np.load(folder / f"inputs_{v}.npy")) for v in "xy")
    with torch.no_grad():
        got = ((phi(x) - phi(y)) ** 2).sum(1)
    torch.testing.assert_close(got, torch.from_numpy(np.load(folder / "outputs_lpips.npy")), rtol=1e-5, atol=1e-6)


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
            np.testing.assert_allclose(fresh, np.load(committed), rtol=1e-6, atol=1e-7, err_msg=f"{name}/{committed.name}")
