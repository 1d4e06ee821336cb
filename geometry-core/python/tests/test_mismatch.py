"""A checkpoint whose layout differs is refused with one line naming the first bad key and shapes."""
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from eigenstudy_export import random_checkpoints as rc
from eigenstudy_export.cli import main

PYTHON_ROOT = Path(__file__).resolve().parents[1]


class _Result:
    def __init__(self, returncode, stderr):
        self.returncode, self.stderr = returncode, stderr


@pytest.fixture
def _cli(capsys):
    """The CLI entry point in-process (a subprocess per case would spend most of the time importing torch)."""

    def run(*args):
        code = main(["export", *map(str, args), "--quiet"])
        return _Result(code, capsys.readouterr().err)

    return run


def _assert_refused(result, *fragments, out: Path):
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    assert not out.exists() or not any(p.suffix == ".json" for p in out.iterdir())


def test_stylegan2_wrong_shape_names_key_and_shapes(tmp_path, _cli):
    rc.write_stylegan2(tmp_path / "sg.pt")
    ckpt = torch.load(str(tmp_path / "sg.pt"))
    ckpt["g_ema"]["convs.1.conv.weight"] = torch.zeros(1, 8, 16, 3, 3)
    torch.save(ckpt, str(tmp_path / "bad.pt"))
    result = _cli("stylegan2", "--checkpoint", tmp_path / "bad.pt", "--out", tmp_path / "out")
    _assert_refused(result, "'convs.1.conv.weight'", "[1, 8, 16, 3, 3]", "expected [1, 16, 16, 3, 3]", out=tmp_path / "out")


def test_biggan_missing_key(tmp_path, _cli):
    rc.write_biggan(tmp_path / "bg")
    state = torch.load(str(tmp_path / "bg" / "pytorch_model.bin"))
    del state["generator.layers.2.bn_2.running_means"]
    torch.save(state, str(tmp_path / "bg" / "pytorch_model.bin"))
    result = _cli("biggan-deep", "--checkpoint", tmp_path / "bg" / "pytorch_model.bin", "--out", tmp_path / "out")
    _assert_refused(result, "missing key 'generator.layers.2.bn_2.running_means'", "[51, 4]", out=tmp_path / "out")


def test_pggan_unexpected_key_and_wrong_container(tmp_path, _cli):
    torch.save({"netG": {}}, str(tmp_path / "nog.pth"))
    result = _cli("pggan", "--checkpoint", tmp_path / "nog.pth", "--out", tmp_path / "out")
    _assert_refused(result, "expected a dict with key 'avgG'", out=tmp_path / "out")


def test_lpips_trunk_of_the_wrong_network(tmp_path, _cli):
    rc.write_lpips(tmp_path / "sq", "squeeze")
    rc.write_lpips(tmp_path / "al", "alex")
    result = _cli("lpips", "--trunk", "squeeze", "--checkpoint", tmp_path / "sq" / "squeeze.pth",
                  "--trunk-checkpoint", tmp_path / "al" / "alex_trunk.pth", "--out", tmp_path / "out")
    _assert_refused(result, "'features.0.weight'", "[64, 3, 11, 11]", "expected [64, 3, 3, 3]", out=tmp_path / "out")


def test_lpips_negative_lin_weights_refused(tmp_path, _cli):
    rc.write_lpips(tmp_path / "sq", "squeeze")
    lin = torch.load(str(tmp_path / "sq" / "squeeze.pth"))
    lin["lin2.model.1.weight"] = -lin["lin2.model.1.weight"]
    torch.save(lin, str(tmp_path / "sq" / "squeeze.pth"))
    result = _cli("lpips", "--trunk", "squeeze", "--checkpoint", tmp_path / "sq" / "squeeze.pth",
                  "--trunk-checkpoint", tmp_path / "sq" / "squeeze_trunk.pth", "--out", tmp_path / "out")
    _assert_refused(result, "lin2.model.1.weight has negative entries", out=tmp_path / "out")


def test_missing_file_as_a_real_process(tmp_path):
    result = subprocess.run([sys.executable, "-m", "eigenstudy_export", "export", "pggan", "--checkpoint",
                             str(tmp_path / "none.pth"), "--out", str(tmp_path / "out"), "--quiet"],
                            cwd=PYTHON_ROOT, capture_output=True, text=True, timeout=120)
    _assert_refused(result, "checkpoint file not found", out=tmp_path / "out")
