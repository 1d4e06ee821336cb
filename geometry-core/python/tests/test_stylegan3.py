"""StyleGAN3 .pkl snapshots (config-t and config-r): read without running their code, exported, checked
against the official outputs.

tests/fixtures/stylegan3-t/ and stylegan3-r/ were written by fixtures/make_stylegan3_fixture.py with
NVIDIA's own code (32 px, 6 layers + ToRGB with sampling rates 16 -> 32, so layers that upsample by 2
and by 4, crops, critically sampled layers; config-r's radial downsampling filters; a clamp of 1 that
cuts up to 9 % of a layer's output; a non-identity input transform; perturbed magnitude EMAs). That
code is not part of this repository and must not be importable here.
"""
import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from eigenstudy_export.checkpoints import PersistentModule, load_file
from eigenstudy_export.cli import main
from eigenstudy_export.exporters import nvidia_pkl, stylegan3
from eigenstudy_export.nets.stylegan3 import downsample_axis, fir_down_2d, upsample_axis
from nvidia_pickles import OFFICIAL_MODULES, Persistent, dump_with_persistence, relative

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CONFIGS = ["t", "r"]
# Measured against the official float32 graph (max |diff| / max |image|): at most 1.0e-6 for config-t
# (generator_z at psi 0.7) and 9.1e-7 for config-r; what remains is the order of float32 sums (the
# official code modulates the weights, we the activations; filters as shifted sums, not convolutions).
TOLERANCE = 1e-5


def _snapshot(config):
    return FIXTURES / f"stylegan3-{config}" / "network-snapshot.pkl"


def _reference(config):
    data = np.load(FIXTURES / f"stylegan3-{config}" / "reference.npz")
    return {k: (torch.from_numpy(v) if v.dtype != object and v.ndim else v) for k, v in data.items()}


def _export(snapshot, out, *extra, kind="stylegan3"):
    return main(["export", kind, "--checkpoint", str(snapshot), "--out", str(out), "--quiet", *extra])


def _module(out, name):
    return torch.jit.load(str(out / name))


@pytest.fixture(scope="module", params=CONFIGS)
def exported(request, tmp_path_factory):
    """Each config exported once at the fixture's psi (0.7), through the command line."""
    config = request.param
    out = tmp_path_factory.mktemp(f"sg3-{config}") / "out"
    assert _export(_snapshot(config), out, "--psi", str(float(_reference(config)["psi"]))) == 0
    return config, out


def test_official_code_is_not_importable():
    for name in OFFICIAL_MODULES:
        assert importlib.util.find_spec(name) is None, f"{name} is importable; the test would not prove the reader needs no NVIDIA code"


@pytest.mark.parametrize("config, kernel, radial", [("t", 3, False), ("r", 1, True)])
def test_snapshot_reads_as_parameter_containers(config, kernel, radial):
    snapshot = load_file(_snapshot(config))
    assert sorted(snapshot) == ["D", "G", "G_ema", "augment_pipe", "training_set_kwargs"]
    g = snapshot["G_ema"]
    assert isinstance(g, PersistentModule) and g.class_name == "Generator" and nvidia_pkl.is_stylegan3(g, "G_ema")
    synthesis = g.modules["synthesis"]
    names = synthesis.attrs["layer_names"]
    assert len(names) == 7 and synthesis.attrs["num_ws"] == 8
    first = synthesis.modules[names[0]]
    assert first.attrs["conv_kernel"] == kernel and first.attrs["down_radial"] == radial
    assert first.buffers["down_filter"].dim() == (2 if radial else 1) and first.buffers["up_filter"].dim() == 1
    # the rate-doubling layer upsamples by 4 and starts with a crop; ToRGB has no filters
    assert [synthesis.modules[n].attrs["up_factor"] for n in names] == [2, 2, 4, 2, 2, 2, 1]
    assert synthesis.modules[names[2]].attrs["padding"][0] < 0
    assert synthesis.modules[names[-1]].buffers["up_filter"] is None
    assert not any(name.startswith("_imported_module_") or name.split(".")[0] in OFFICIAL_MODULES for name in sys.modules)


def test_export_reproduces_the_official_generator(exported):
    config, out = exported
    ref = _reference(config)
    card = json.loads((out / "model-card.json").read_text())
    assert (card["architecture"], card["resolution"], card["extra"]["config"]) == ("stylegan3", 32, f"stylegan3-{config}")
    assert [s["name"] for s in card["spaces"]] == ["z", "w"]
    assert {k: card["spaces"][1]["wplus"][k] for k in ("module", "layers")} == {"module": "synthesis_wplus.pt", "layers": 8}
    assert card["extra"]["conv_clamp"] == 1.0 and card["extra"]["output_scale"] == 0.25
    w_avg = load_file(_snapshot(config))["G_ema"].modules["mapping"].buffers["w_avg"]
    assert np.array_equal(np.load(out / "latent_avg.npy"), w_avg.numpy())
    with torch.no_grad():
        assert relative(_module(out, "mapping.pt")(ref["z"]), ref["w"]) <= TOLERANCE
        assert relative(_module(out, "generator_z.pt")(ref["z"]), ref["img"]) <= TOLERANCE
        assert relative(_module(out, "synthesis.pt")(ref["w"]), ref["img"]) <= TOLERANCE
        assert relative(_module(out, "synthesis.pt")(ref["w_psi1"]), ref["img_psi1"]) <= TOLERANCE


def test_wplus_module_gives_each_layer_its_own_w(exported):
    config, out = exported
    ref = _reference(config)
    with torch.no_grad():
        images = _module(out, "synthesis_wplus.pt")(ref["wplus"].reshape(2, -1))
    assert relative(images, ref["img_wplus"]) <= TOLERANCE


def test_mapping_without_truncation(tmp_path):
    ref = _reference("t")
    assert _export(_snapshot("t"), tmp_path / "out", "--psi", "1", kind="stylegan2-ada") == 0
    with torch.no_grad():
        assert relative(_module(tmp_path / "out", "mapping.pt")(ref["z"]), ref["w_psi1"]) <= TOLERANCE
        assert relative(_module(tmp_path / "out", "generator_z.pt")(ref["z"]), ref["img_psi1"]) <= TOLERANCE


def _zero_inserted_reference(x, taps, up, pad0, pad1, down):
    """upfirdn along W as its definition reads: zeros inserted, padded or cropped, F.conv1d, subsampled."""
    b, c, h, w = x.shape
    z = torch.zeros(b, c, h, w * up, dtype=x.dtype)
    z[..., ::up] = x
    z = torch.nn.functional.pad(z, [pad0, pad1])
    y = torch.nn.functional.conv1d(z.reshape(-1, 1, z.shape[-1]), torch.flip(taps, [0])[None, None])
    return y.reshape(b, c, h, -1)[..., ::down]


@pytest.mark.parametrize("up, k, pad0, pad1", [(2, 12, 9, 8), (4, 24, -6, -9), (2, 12, -11, -12), (1, 5, 3, 0),
                                               (4, 12, 7, -3), (2, 1, 0, 1)])
@pytest.mark.parametrize("dim", [2, 3])
def test_polyphase_upsampling_equals_filtering_the_zero_inserted_signal(up, k, pad0, pad1, dim):
    x = torch.randn(2, 3, 20, 20, dtype=torch.float64, generator=torch.Generator().manual_seed(up * k))
    taps = torch.randn(k, dtype=torch.float64, generator=torch.Generator().manual_seed(1))
    expected = _zero_inserted_reference(x.transpose(dim, 3), taps, up, pad0, pad1, 1).transpose(dim, 3)
    assert torch.allclose(upsample_axis(x, taps, dim, up, pad0, pad1), expected, rtol=0, atol=1e-12)


def test_downsampling_filters_equal_strided_convolutions():
    x = torch.randn(2, 3, 31, 31, dtype=torch.float64, generator=torch.Generator().manual_seed(2))
    taps = torch.randn(12, dtype=torch.float64, generator=torch.Generator().manual_seed(3))
    assert torch.allclose(downsample_axis(x, taps, 3, 2), _zero_inserted_reference(x, taps, 1, 0, 0, 2), rtol=0, atol=1e-12)
    radial = torch.randn(12, 12, dtype=torch.float64, generator=torch.Generator().manual_seed(4))
    expected = torch.nn.functional.conv2d(x.reshape(6, 1, 31, 31), torch.flip(radial, [0, 1])[None, None], stride=2)
    assert torch.allclose(fir_down_2d(x, radial, 2), expected.reshape(2, 3, 10, 10), rtol=0, atol=1e-12)


def _built(config):
    g = load_file(_snapshot(config))["G_ema"]
    return stylegan3.build(g, "G_ema")[0]


@pytest.mark.parametrize("config", CONFIGS)
def test_the_fixture_would_catch_a_missing_clamp_transform_or_input_gain(config):
    """The fixture's settings are no decoration: dropping any of them moves the images far past the tolerance."""
    ref = _reference(config)
    model = _built(config)

    def error():
        with torch.no_grad():
            return relative(model.synthesize(ref["wplus"]), ref["img_wplus"])

    assert error() <= TOLERANCE
    for layer in model.layers:
        layer.clamp = None
    assert error() > 100 * TOLERANCE
    model = _built(config)
    model.input.transform.copy_(torch.eye(3))
    assert error() > 100 * TOLERANCE
    model = _built(config)
    model.layers[3].magnitude_ema.fill_(1.0)
    assert error() > 100 * TOLERANCE


def test_traced_generator_has_second_derivatives(exported):
    """The Hessian methods differentiate the exported module twice (a Hessian-vector product here)."""
    config, out = exported
    synthesis = _module(out, "synthesis.pt")
    w = _reference(config)["w"][:1].clone().requires_grad_(True)
    v = torch.randn(w.shape, generator=torch.Generator().manual_seed(0))
    (grad,) = torch.autograd.grad(synthesis(w).square().sum(), w, create_graph=True)
    (hv,) = torch.autograd.grad((grad * v).sum(), w)
    assert torch.isfinite(hv).all() and hv.abs().max() > 0


# --- files the reader must refuse, without running anything -------------------------------------

def test_pickled_source_code_is_never_run(tmp_path):
    marker = tmp_path / "ran"
    source = f"open({str(marker)!r}, 'w').write('pwned')\n"
    g = load_file(_snapshot("t"))["G_ema"]
    dump_with_persistence({"G_ema": Persistent(g, source)}, tmp_path / "evil-source.pkl")
    loaded = load_file(tmp_path / "evil-source.pkl")["G_ema"]
    assert isinstance(loaded, PersistentModule) and not marker.exists()
    assert _export(tmp_path / "evil-source.pkl", tmp_path / "out") == 0 and not marker.exists()


def _wrong_padding(g):
    g.modules["synthesis"].modules["L2_52_16"].attrs["padding"] = [-4, -9, -6, -9]


def _conditional(g):
    g.init_kwargs["c_dim"] = 10


def _two_torgb(g):
    g.modules["synthesis"].modules["L5_32_8"].attrs["is_torgb"] = True


@pytest.mark.parametrize("change, message", [
    (_wrong_padding, "L2_52_16: layout mismatch: output size [53, 52] from the stored factors"),
    (_conditional, "class-conditional generators (c_dim=10)"),
    (_two_torgb, "L5_32_8: not supported: a ToRGB layer other than the last one"),
])
def test_unsupported_or_inconsistent_files_are_named(tmp_path, capsys, change, message):
    g = load_file(_snapshot("t"))["G_ema"]
    change(g)
    dump_with_persistence({"G_ema": Persistent(g)}, tmp_path / "variant.pkl")
    assert _export(tmp_path / "variant.pkl", tmp_path / "out") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0], err
    assert not (tmp_path / "out").exists()


def test_card_names_the_style_weights_each_w_feeds(exported):
    """wplus.styles (SeFa's A per W+ entry), checked by watching the network: with a different w per
    entry, the affine whose input is entry l's w belongs to styles[l]."""
    config, out = exported
    styles = json.loads((out / "model-card.json").read_text())["spaces"][1]["wplus"]["styles"]
    model = _built(config)
    ws = torch.randn(1, model.n_latent, model.style_dim, generator=torch.Generator().manual_seed(3))
    fed = [[] for _ in range(model.n_latent)]
    affines = [(p, m) for p, m in model.named_modules() if p.endswith("affine")]
    hooks = [m.register_forward_pre_hook(
        lambda _m, inp, p=p: fed[next(l for l in range(model.n_latent) if torch.equal(inp[0], ws[:, l]))]
        .append(f"g.{p}.weight")) for p, m in affines]
    try:
        with torch.no_grad():
            model.synthesize(ws)
    finally:
        for h in hooks:
            h.remove()
    assert len(affines) == model.n_latent and styles == fed
