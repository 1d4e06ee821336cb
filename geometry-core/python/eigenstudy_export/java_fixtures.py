"""Writes the small exports that geometry-core's Java tests load, with PyTorch reference outputs.

    cd geometry-core/python && /usr/bin/python3 -m eigenstudy_export.java_fixtures ../src/test/resources/exports

Each fixture is a random-weight, narrow-channel checkpoint in the public container format, put
through the real exporter; `inputs_<space>.npy` are fixed seeded codes and `outputs_<space>.npy`
the outputs of our eager PyTorch modules (float32), which the TorchScript files must reproduce.

The LPIPS alex and vgg trunks cannot be narrowed (their exports are ~10 MB and ~59 MB), so they are
not committed; geometry-core's ExportsTest writes them at test time into its target/ folder with

    /usr/bin/python3 -m eigenstudy_export.java_fixtures TARGET --lpips alex vgg
"""
import argparse
import json
import shutil
import tempfile
from pathlib import Path

import numpy as np
import torch

from eigenstudy_export import random_checkpoints as rc
from eigenstudy_export.cli import main as cli_main
from eigenstudy_export.nets.biggan import AtTruncation
from eigenstudy_export.nets.lpips import LPIPSFeatureMap
from eigenstudy_export.nets.stylegan2 import Mapping, Synthesis, SynthesisWPlus, ZGenerator

README = """# Exporter fixtures for the Java tests

Random-weight, narrow-channel checkpoints in the public container formats, put through
`python -m eigenstudy_export export ...`; `inputs_*.npy` are fixed codes, `outputs_*.npy` the eager
PyTorch outputs (float32) that geometry-core must reproduce to 1e-5. Regenerate all of them with
`cd geometry-core/python && /usr/bin/python3 -m eigenstudy_export.java_fixtures ../src/test/resources/exports`
(deterministic; `tests/test_java_fixtures.py` checks the committed files against a fresh run).

| folder | what |
| --- | --- |
| `pggan-narrow/` | PGGAN 16 px (depths 16,16,8), z in R^16 on the sphere; `generator_z.pt` |
| `stylegan2-narrow/` | StyleGAN2 32 px (channels 16,16,8,8, style 16, 2 mapping layers), psi 0.7; `generator_z.pt` (Z), `synthesis.pt` (W), `mapping.pt` (outputs_mapping.npy = w for inputs_z), `synthesis_wplus.pt` (W+: inputs_wplus = 8 different mapped w per row, concatenated) |
| `biggan-deep-narrow/` | BigGAN-deep 16 px (width 4, 3 blocks, attention, 10 classes), truncation 0.4, class 3; `generator_noise.pt`, `generator_class.pt`, `generator_full.pt` |
| `lpips-squeeze/` | LPIPS v0.1 squeeze feature map (full-size trunk, random weights); `outputs_x.npy` = phi(inputs_x), `outputs_lpips.npy` = LPIPS(inputs_x, inputs_y) = ||phi(x) - phi(y)||^2 |

The LPIPS alex and vgg trunks cannot be narrowed (exports of ~10 MB and ~59 MB), so they are not
committed: `ExportsTest` writes `lpips-alex/` and `lpips-vgg/` (same files as `lpips-squeeze/`) into
`geometry-core/target/generated-exports/` (3 images of 96x96, not the traced shape) on every run with
`/usr/bin/python3 -m eigenstudy_export.java_fixtures ../target/generated-exports --lpips alex vgg`
(about 3 s; the test fails, never skips, without Debian's python3 + python3-torch).
"""


def _codes(n, dim, seed, clamp=None):
    x = torch.randn(n, dim, generator=torch.Generator().manual_seed(seed))
    return x.clamp(-clamp, clamp) if clamp else x


def _save(folder: Path, name: str, tensor: torch.Tensor):
    np.save(folder / f"{name}.npy", tensor.detach().numpy().astype(np.float32))


def _export(*args):
    if cli_main(["export", *[str(a) for a in args], "--quiet"]) != 0:
        raise SystemExit(f"export failed: {args}")


def write_all(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, torch.no_grad():
        tmp = Path(tmp)

        out = target / "pggan-narrow"
        g = rc.write_pggan(tmp / "pggan.pth", seed=11)
        _export("pggan", "--checkpoint", tmp / "pggan.pth", "--out", out, "--name", "pggan-narrow")
        z = _codes(3, 16, 1)
        _save(out, "inputs_z", z)
        _save(out, "outputs_z", g(z))

        out = target / "stylegan2-narrow"
        g = rc.write_stylegan2(tmp / "sg.pt", seed=12)
        _export("stylegan2", "--checkpoint", tmp / "sg.pt", "--out", out, "--name", "stylegan2-narrow", "--psi", "0.7")
        mapping = Mapping(g, torch.load(str(tmp / "sg.pt"))["latent_avg"], 0.7)
        synthesis = Synthesis(g)
        z = _codes(3, 16, 2)
        w = mapping(z)
        _save(out, "inputs_z", z)
        _save(out, "outputs_z", ZGenerator(mapping, synthesis)(z))
        _save(out, "outputs_mapping", w)
        _save(out, "inputs_w", w)
        _save(out, "outputs_w", synthesis(w))
        # W+: each row a different mapped w per layer, so a module that used one layer's w for all fails
        ws = mapping(_codes(3 * g.n_latent, 16, 5)).reshape(3, -1)
        _save(out, "inputs_wplus", ws)
        _save(out, "outputs_wplus", SynthesisWPlus(g)(ws))

        out = target / "biggan-deep-narrow"
        g = rc.write_biggan(tmp / "bg", seed=13)
        _export("biggan-deep", "--checkpoint", tmp / "bg" / "pytorch_model.bin", "--out", out, "--name",
                "biggan-deep-narrow", "--truncation", "0.4", "--class-index", "3")
        emb = torch.from_numpy(np.load(out / "class_embeddings.npy"))
        u = _codes(3, 8, 3, clamp=2.0)
        e = emb[[0, 3, 7]]
        card_u = torch.tensor(json.loads((out / "model-card.json").read_text())["extra"]["class_space_fixed_u"])
        for space, code in {"noise": u, "class": e, "full": torch.cat([u, e], dim=1)}.items():
            module = AtTruncation(g, 0.4, space, emb[3], card_u)
            _save(out, f"inputs_{space}", code)
            _save(out, f"outputs_{space}", module(code))

        write_lpips(target, "squeeze", tmp)
    (target / "README.md").write_text(README)


# Seeds of the random-weight LPIPS checkpoints; squeeze's is the one its committed fixture was made with.
LPIPS_SEEDS = {"squeeze": 14, "alex": 15, "vgg": 16}


def write_lpips(target: Path, trunk: str, tmp: Path, batch: int = 2, size: int = 64) -> Path:
    """`target/lpips-<trunk>/`: the export of a random-weight v0.1 checkpoint (public lin + torchvision
    trunk files), two image batches [batch, 3, size, size] in [-1, 1], phi(inputs_x) and
    LPIPS(inputs_x, inputs_y) in float32."""
    out = target / f"lpips-{trunk}"
    src = tmp / f"lp-{trunk}"
    lp = rc.write_lpips(src, trunk, seed=LPIPS_SEEDS[trunk])
    _export("lpips", "--trunk", trunk, "--checkpoint", src / f"{trunk}.pth", "--trunk-checkpoint",
            src / f"{trunk}_trunk.pth", "--out", out, "--name", f"lpips-{trunk}")
    gen = torch.Generator().manual_seed(4)
    x, y = (torch.rand(batch, 3, size, size, generator=gen) * 2 - 1 for _ in range(2))
    with torch.no_grad():
        _save(out, "inputs_x", x)
        _save(out, "inputs_y", y)
        _save(out, "outputs_x", LPIPSFeatureMap(lp)(x))
        _save(out, "outputs_lpips", lp(x, y))
    return out


def write_lpips_trunks(target: Path, trunks) -> None:
    """The test-time fixtures: `write_lpips` for each trunk, replacing any earlier output. Their images
    are 3 x 96 x 96, not the traced 2 x 64 x 64, so a loaded module that baked in the trace's shape fails."""
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for trunk in trunks:
            shutil.rmtree(target / f"lpips-{trunk}", ignore_errors=True)
            write_lpips(target, trunk, Path(tmp), batch=3, size=96)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("target", type=Path)
    ap.add_argument("--lpips", nargs="+", choices=sorted(LPIPS_SEEDS), metavar="TRUNK",
                    help="write only lpips-<TRUNK>/ for these trunks (the uncommitted alex/vgg fixtures)")
    args = ap.parse_args(argv)
    if args.lpips:
        write_lpips_trunks(args.target, args.lpips)
        print(f"wrote {', '.join('lpips-' + t for t in args.lpips)} under {args.target}")
        return
    for child in ("pggan-narrow", "stylegan2-narrow", "biggan-deep-narrow", "lpips-squeeze"):
        shutil.rmtree(args.target / child, ignore_errors=True)
    write_all(args.target)
    print(f"wrote fixtures under {args.target}")


if __name__ == "__main__":
    main()
