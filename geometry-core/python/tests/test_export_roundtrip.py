"""Random-weight checkpoints in the public container formats go through the exporter CLI.

The reference for each exported file is our eager module loaded directly from the same random
state dict; the TorchScript file must reproduce it at a batch size other than the traced one.
"""
import json

import numpy as np
import torch

from eigenstudy_export import card, random_checkpoints as rc
from eigenstudy_export.cli import main
from eigenstudy_export.nets.biggan import AtTruncation
from eigenstudy_export.nets.lpips import LPIPSFeatureMap
from eigenstudy_export.nets.stylegan2 import Mapping, Synthesis


def _export(*args):
    assert main(["export", *[str(a) for a in args], "--quiet"]) == 0


def _card(folder, name="model-card.json"):
    data = json.loads((folder / name).read_text())
    for file, entry in data["files"].items():
        assert entry["sha256"] == card.sha256_of(folder / file)
    return data


def _close(a, b):
    torch.testing.assert_close(a, b, rtol=1e-5, atol=1e-5)


def test_pggan_roundtrip(tmp_path):
    eager = rc.write_pggan(tmp_path / "pggan.pth", seed=3)
    _export("pggan", "--checkpoint", tmp_path / "pggan.pth", "--out", tmp_path / "out")
    data = _card(tmp_path / "out")
    space = data["spaces"][0]
    assert (data["architecture"], data["resolution"], space["dim"], space["exploration"]) == ("pggan", 16, 16, "spherical")
    assert space["prior"] == {"kind": "sphere", "radius": 4.0}
    assert space["jvp"] is True
    z = torch.randn(3, 16)
    module = torch.jit.load(str(tmp_path / "out" / "generator_z.pt"))
    with torch.no_grad():
        _close(module(z), eager(z))
    # The file's forward-mode method against autograd's on the eager net (float32 both).
    v = torch.randn(2, 16)
    image, tangents = module.jvp(z[:1], v)
    _close(image, eager(z[:1]))
    for k in range(2):
        _close(tangents[k:k + 1], torch.autograd.functional.jvp(eager, z[:1], v[k:k + 1])[1])


def test_pggan_reads_legacy_keys_without_module_infix(tmp_path):
    eager = rc.write_pggan(tmp_path / "new.pth", seed=4)
    from eigenstudy_export.checkpoints import load_file

    ckpt = load_file(tmp_path / "new.pth")
    ckpt["avgG"] = {k.replace(".module.", "."): v for k, v in ckpt["avgG"].items()}
    ckpt["config"] = {"latentVectorDim": 16, "depthScale0": 16, "depthOtherScales": [16, 8]}
    torch.save(ckpt, str(tmp_path / "legacy.pth"))
    _export("pggan", "--checkpoint", tmp_path / "legacy.pth", "--out", tmp_path / "out")
    z = torch.randn(2, 16)
    with torch.no_grad():
        _close(torch.jit.load(str(tmp_path / "out" / "generator_z.pt"))(z), eager(z))


def test_stylegan2_roundtrip(tmp_path):
    eager = rc.write_stylegan2(tmp_path / "sg.pt", seed=5)
    _export("stylegan2", "--checkpoint", tmp_path / "sg.pt", "--out", tmp_path / "out", "--psi", "0.5")
    out = tmp_path / "out"
    data = _card(out)
    assert [s["name"] for s in data["spaces"]] == ["z", "w"]
    # W reference codes are mapped z, which the engine draws through mapping.pt.
    assert data["spaces"][1]["prior"] == {"kind": "mapped", "module": "mapping.pt",
                                          "input": {"dim": 16, "prior": {"kind": "normal"}}}
    assert "mapping.pt" in data["files"]
    assert data["extra"]["psi"] == 0.5
    latent_avg = torch.load(str(tmp_path / "sg.pt"))["latent_avg"]
    assert np.array_equal(np.load(out / "latent_avg.npy"), latent_avg.numpy())
    mapping, synthesis = Mapping(eager, latent_avg, 0.5), Synthesis(eager)
    z = torch.randn(3, 16)
    with torch.no_grad():
        w = mapping(z)
        _close(torch.jit.load(str(out / "mapping.pt"))(z), w)
        _close(torch.jit.load(str(out / "synthesis.pt"))(w), synthesis(w))
        _close(torch.jit.load(str(out / "generator_z.pt"))(z), synthesis(w))
        # psi = 0.5 halves the distance to the average in W
        _close(w - latent_avg, 0.5 * (eager.style(z) - latent_avg))


def _style_input_of_each_layer(g):
    """(modulated conv, index of its w) in the published StyleGAN2 layout: conv1 takes w0, to_rgb1 w1;
    at each further resolution i the upsampling conv takes w(1+2i), the next conv w(2+2i) and toRGB
    w(3+2i), the same w as the next resolution's first conv (rosinality's n_latent, NVIDIA's num_ws)."""
    layers = [(g.conv1.conv, 0), (g.to_rgb1.conv, 1)]
    for i, to_rgb in enumerate(g.to_rgbs):
        layers += [(g.convs[2 * i].conv, 1 + 2 * i), (g.convs[2 * i + 1].conv, 2 + 2 * i), (to_rgb.conv, 3 + 2 * i)]
    return layers


def _per_layer_injection(g, ws):
    """Reference for W+: the plain (one-w) eager synthesis, with each layer's style affine fed its own
    w by a forward pre-hook instead, independent of SynthesisWPlus's reshape and synthesize's indexing."""
    hooks = [conv.modulation.register_forward_pre_hook(lambda _m, _inp, i=i: (ws[:, i],))
             for conv, i in _style_input_of_each_layer(g)]
    try:
        return Synthesis(g)(ws[:, 0])
    finally:
        for h in hooks:
            h.remove()


def test_stylegan2_wplus_module(tmp_path):
    eager = rc.write_stylegan2(tmp_path / "sg.pt", seed=5)
    _export("stylegan2", "--checkpoint", tmp_path / "sg.pt", "--out", tmp_path / "out", "--psi", "0.5")
    out = tmp_path / "out"
    data = _card(out)
    layers = eager.n_latent
    assert {k: data["spaces"][1]["wplus"][k] for k in ("module", "layers")} == {"module": "synthesis_wplus.pt",
                                                                              "layers": layers}
    assert "synthesis_wplus.pt" in data["files"]
    assert layers == len({i for _, i in _style_input_of_each_layer(eager)}) == 8  # 32 px: 2 * log2(32) - 2
    wplus = torch.jit.load(str(out / "synthesis_wplus.pt"))
    plain = torch.jit.load(str(out / "synthesis.pt"))
    gen = torch.Generator().manual_seed(9)
    w = torch.randn(3, 16, generator=gen)
    ws = torch.randn(3, layers, 16, generator=gen)
    with torch.no_grad():
        # every layer's w equal: exactly the W module
        same = wplus(w.repeat(1, layers))
        assert float((same - plain(w)).abs().max()) <= 1e-6
        # a different w per layer: the eager network with each layer's style input injected
        torch.testing.assert_close(wplus(ws.reshape(3, -1)), _per_layer_injection(eager, ws), rtol=0, atol=1e-5)
        # and the layers matter: changing only the last w changes the image
        moved = ws.clone()
        moved[:, -1] += 1.0
        assert float((wplus(moved.reshape(3, -1)) - wplus(ws.reshape(3, -1))).abs().max()) > 1e-3


def test_stylegan2_card_names_each_layers_style_weights(tmp_path):
    """wplus.styles (SeFa's A per W+ entry) is the published layout above, and every name is a
    parameter of synthesis.pt, the module SeFa reads."""
    eager = rc.write_stylegan2(tmp_path / "sg.pt", seed=5)
    _export("stylegan2", "--checkpoint", tmp_path / "sg.pt", "--out", tmp_path / "out")
    styles = _card(tmp_path / "out")["spaces"][1]["wplus"]["styles"]
    names = {id(m): f"g.{path}.weight" for path, m in eager.named_modules() if path.endswith(".modulation")}
    expected = [[] for _ in range(eager.n_latent)]
    for conv, i in _style_input_of_each_layer(eager):
        expected[i].append(names[id(conv.modulation)])
    assert [sorted(e) for e in styles] == [sorted(e) for e in expected]
    params = dict(torch.jit.load(str(tmp_path / "out" / "synthesis.pt")).named_parameters())
    assert all(params[n].shape == (params[n].shape[0], 16) for entry in styles for n in entry)


def test_stylegan2_without_latent_avg_uses_mapped_mean(tmp_path):
    rc.write_stylegan2(tmp_path / "sg.pt", seed=6, with_latent_avg=False)
    _export("stylegan2", "--checkpoint", tmp_path / "sg.pt", "--out", tmp_path / "out")
    assert "no latent_avg" in _card(tmp_path / "out")["extra"]["latent_avg_source"]


def test_biggan_roundtrip(tmp_path):
    eager = rc.write_biggan(tmp_path / "bg", seed=7)
    _export("biggan-deep", "--checkpoint", tmp_path / "bg" / "pytorch_model.bin", "--out", tmp_path / "out",
            "--truncation", "0.4", "--class-index", "3")
    out = tmp_path / "out"
    data = _card(out)
    assert [s["name"] for s in data["spaces"]] == ["noise", "class", "full"]
    rows = {"kind": "rows", "file": "class_embeddings.npy"}
    assert data["spaces"][0]["upstream_scale"] == 0.4  # z = truncation * u: eigenvalues also in z units
    assert data["spaces"][1]["prior"] == rows
    assert data["spaces"][2]["prior"] == {"kind": "components"}
    assert data["spaces"][2]["components"] == [
        {"name": "noise", "dim": 8, "prior": {"kind": "truncated_normal", "threshold": 2.0}},
        {"name": "class", "dim": 8, "prior": rows}]
    assert data["extra"]["truncation"] == 0.4
    embeddings = np.load(out / "class_embeddings.npy")
    assert np.allclose(embeddings, eager.embeddings.weight.detach().t().numpy())
    u = torch.randn(3, 8).clamp(-2, 2)
    onehot = torch.zeros(3, 10)
    onehot[:, 3] = 1
    with torch.no_grad():
        expected = eager(0.4 * u, onehot, 0.4)
        _close(torch.jit.load(str(out / "generator_noise.pt"))(u), expected)
        e = torch.from_numpy(embeddings[[3, 3, 3]])
        _close(torch.jit.load(str(out / "generator_full.pt"))(torch.cat([u, e], dim=1)), expected)
        fixed = torch.tensor(data["extra"]["class_space_fixed_u"]).expand(3, -1)
        _close(torch.jit.load(str(out / "generator_class.pt"))(e), eager(0.4 * fixed, onehot, 0.4))
    # Each file's forward-mode method against autograd through its own forward.
    assert [s.get("jvp") for s in data["spaces"]] == [True, True, True]
    for space, code in (("noise", u[:1]), ("class", e[:1]), ("full", torch.cat([u, e], dim=1)[:1])):
        module = torch.jit.load(str(out / f"generator_{space}.pt"))
        v = torch.randn(2, code.shape[1])
        image, tangents = module.jvp(code, v)
        _close(image, module(code))
        for k in range(2):
            _close(tangents[k:k + 1], torch.autograd.functional.jvp(module, code, v[k:k + 1])[1])


def test_lpips_roundtrip_matches_the_lpips_distance(tmp_path):
    for trunk in ("squeeze", "alex"):
        eager = rc.write_lpips(tmp_path / trunk, trunk, seed=8)
        _export("lpips", "--trunk", trunk, "--checkpoint", tmp_path / trunk / f"{trunk}.pth",
                "--trunk-checkpoint", tmp_path / trunk / f"{trunk}_trunk.pth", "--out", tmp_path / f"out-{trunk}")
        data = _card(tmp_path / f"out-{trunk}", "feature-map-card.json")
        assert (data["kind"], data["trunk"], data["input_range"]) == ("lpips", trunk, [-1, 1])
        phi = torch.jit.load(str(tmp_path / f"out-{trunk}" / data["module"]))
        gen = torch.Generator().manual_seed(1)
        # a size other than the traced one: the feature map must not have baked in 64x64
        x, y = (torch.rand(3, 3, 72, 72, generator=gen) * 2 - 1 for _ in range(2))
        with torch.no_grad():
            _close(((phi(x) - phi(y)) ** 2).sum(1), eager(x, y))
            _close(phi(x), LPIPSFeatureMap(eager)(x))
