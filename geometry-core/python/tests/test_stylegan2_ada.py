"""StyleGAN2-ADA .pkl snapshots: read without running their code, exported, checked against the official outputs.

tests/fixtures/stylegan2-ada/ was written by fixtures/make_stylegan2_ada_fixture.py with NVIDIA's own
code (a snapshot pickled as its training loop does, and its G_ema outputs). That code is not part of
this repository and must not be importable here: the export has to work from the file alone.
"""
import importlib.util
import json
import os
import pickle
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from eigenstudy_export.checkpoints import ExportError, PersistentModule, load_file
from eigenstudy_export.cli import main
from nvidia_pickles import OFFICIAL_MODULES, Persistent, dump_with_persistence, relative

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "stylegan2-ada"
SNAPSHOT = FIXTURE / "network-snapshot.pkl"


def _reference():
    return {k: (torch.from_numpy(v) if v.dtype != object and v.ndim else v) for k, v in np.load(FIXTURE / "reference.npz").items()}


def relative(actual, expected):
    return float((actual - expected).abs().max() / expected.abs().max())


def _export(snapshot, out, *extra):
    return main(["export", "stylegan2-ada", "--checkpoint", str(snapshot), "--out", str(out), "--quiet", *extra])


def test_official_code_is_not_importable():
    for name in OFFICIAL_MODULES:
        assert importlib.util.find_spec(name) is None, f"{name} is importable; the test would not prove the reader needs no NVIDIA code"


def test_snapshot_reads_as_parameter_containers():
    snapshot = load_file(SNAPSHOT)
    assert sorted(snapshot) == ["D", "G", "G_ema", "augment_pipe", "training_set_kwargs"]
    g = snapshot["G_ema"]
    assert isinstance(g, PersistentModule) and g.class_name == "Generator"
    assert g.init_kwargs["synthesis_kwargs"] == {"channel_base": 512, "channel_max": 32, "num_fp16_res": 4, "conv_clamp": 2.0}
    state = g.state_dict()
    assert list(state["synthesis.b8.conv0.weight"].shape) == [32, 32, 3, 3]
    assert list(state["synthesis.b32.torgb.affine.weight"].shape) == [16, 32]
    assert "mapping.fc3.weight" in state and "mapping.w_avg" in state
    # nothing of the pickled source was turned into a module
    assert not any(name.startswith("_imported_module_") or name.split(".")[0] in OFFICIAL_MODULES for name in sys.modules)


def test_export_reproduces_the_official_generator(tmp_path):
    ref = _reference()
    assert _export(SNAPSHOT, tmp_path / "out", "--psi", str(float(ref["psi"]))) == 0
    out = tmp_path / "out"
    card = json.loads((out / "model-card.json").read_text())
    assert (card["architecture"], card["resolution"], card["extra"]["conv_clamp"]) == ("stylegan2", 32, 2.0)
    assert [s["name"] for s in card["spaces"]] == ["z", "w"]
    w_avg = load_file(SNAPSHOT)["G_ema"].modules["mapping"].buffers["w_avg"]
    assert np.array_equal(np.load(out / "latent_avg.npy"), w_avg.numpy())
    z = ref["z"]
    with torch.no_grad():
        w = torch.jit.load(str(out / "mapping.pt"))(z)
        assert relative(w, ref["w"]) <= 1e-5
        assert relative(torch.jit.load(str(out / "generator_z.pt"))(z), ref["img"]) <= 1e-5
        assert relative(torch.jit.load(str(out / "synthesis.pt"))(ref["w"]), ref["img"]) <= 1e-5


def test_mapping_without_truncation(tmp_path):
    ref = _reference()
    assert _export(SNAPSHOT, tmp_path / "out", "--psi", "1") == 0
    with torch.no_grad():
        assert relative(torch.jit.load(str(tmp_path / "out" / "mapping.pt"))(ref["z"]), ref["w_psi1"]) <= 1e-5


# --- files the reader must refuse, without running anything -------------------------------------

def test_pickled_source_code_is_never_run(tmp_path):
    marker = tmp_path / "ran"
    source = f"open({str(marker)!r}, 'w').write('pwned')\n"
    g = load_file(SNAPSHOT)["G_ema"]
    dump_with_persistence({"G_ema": Persistent(g, source)}, tmp_path / "evil-source.pkl")
    loaded = load_file(tmp_path / "evil-source.pkl")["G_ema"]
    assert isinstance(loaded, PersistentModule) and not marker.exists()
    assert _export(tmp_path / "evil-source.pkl", tmp_path / "out") == 0 and not marker.exists()


class _CallsOsSystem:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_globals_off_the_allow_list_are_refused_before_anything_runs(tmp_path, capsys):
    marker = tmp_path / "ran"
    with open(tmp_path / "evil.pkl", "wb") as f:
        pickle.dump({"G_ema": _CallsOsSystem(marker)}, f)
    with pytest.raises(ExportError, match=r"refusing to unpickle '(posix|os)\.system'"):
        load_file(tmp_path / "evil.pkl")
    assert _export(tmp_path / "evil.pkl", tmp_path / "out") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "system" in err[0], err
    assert not marker.exists() and not (tmp_path / "out").exists()
    # the same list guards torch.save files: a state dict with a foreign class in it
    torch.save({"g_ema": _CallsOsSystem(marker)}, str(tmp_path / "evil.pt"))
    with pytest.raises(ExportError, match="system"):
        load_file(tmp_path / "evil.pt")
    assert not marker.exists()


def _resnet(g):
    g.modules["synthesis"].modules["b8"].attrs["architecture"] = "resnet"


def _conditional(g):
    g.init_kwargs["c_dim"] = 10


@pytest.mark.parametrize("change, message", [
    (_resnet, "synthesis architecture 'resnet'"),
    (_conditional, "class-conditional generators (c_dim=10)"),
])
def test_unsupported_variants_are_named(tmp_path, capsys, change, message):
    g = load_file(SNAPSHOT)["G_ema"]
    change(g)
    dump_with_persistence({"G_ema": Persistent(g)}, tmp_path / "variant.pkl")
    assert _export(tmp_path / "variant.pkl", tmp_path / "out") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0], err
    assert not (tmp_path / "out").exists()
