"""Random-weight StyleGAN2-256 export for `geometry-core bench` (generated at bench time, never committed).

    cd geometry-core/python
    /usr/bin/python3 -m eigenstudy_export.bench_models --out ../target/bench-models/stylegan2-256-cm1 \
        --channel-multiplier 1

writes a rosinality-layout checkpoint with seeded random weights at the published 256-px shapes
(512-d, 8 mapping layers; channel multiplier 1 = config-e, 2 = config-f), runs the normal StyleGAN2
exporter on it (noise fixed to the stored buffers) and adds `extra.forward_gflop` to the card: the
FLOPs of one synthesis forward pass per sample, counted from the layer shapes, so that `bench` can
report achieved GFLOP/s. The checkpoint itself is deleted after the export unless --keep-checkpoint.

With --leading K it also writes `<out>-w<K>/`: the same synthesis restricted to the first K
coordinates of w, the other 512 - K fixed to a mapped code (seed --seed). Its K-d metric is exactly
the leading K x K block of the 512-d W-space metric at that point, and every Hessian method pays the
same per-row cost as on the full space (same network, same batch), so `bench` on it times K rows of
each method; a full 512-d run on a 2-core CPU takes hours. Extrapolating to 512 rows is the
reader's step and must be labelled as such.

--family pggan / biggan-deep writes the other two families at their published 256-px shapes the same
way (PGGAN: z in R^512; BigGAN-deep: noise 128-d, class 128-d, full 256-d at truncation 0.7), with
`extra.forward_gflop` counted by torch's profiler (matrix products and convolutions of one forward
pass per sample) and --leading K slicing the space named by --space (default: z / noise).
"""
import argparse
import json
import math
import shutil
import sys
from typing import Tuple
from pathlib import Path

import torch

from eigenstudy_export import card as cards
from torch.profiler import ProfilerActivity, profile

from eigenstudy_export.exporters import biggan, pggan, stylegan2
from eigenstudy_export.nets.biggan import PUBLIC_CONFIG as BIGGAN_DEEP_256
from eigenstudy_export.nets.biggan import AtTruncation
from eigenstudy_export.nets.stylegan2 import channel_table
from eigenstudy_export.progress import Progress
from eigenstudy_export.random_checkpoints import write_biggan, write_pggan, write_stylegan2

# pytorch_GAN_zoo's celebAHQ-256: 512-d z, 512 channels to 32 px, then 256, 128, 64.
def pggan_config(size: int) -> dict:
    """PGGAN at `size` px with the channel rule of NVIDIA's configs (512 up to 32 px, then halving with
    each doubling: 64 at 256 px, as in the published 256-px file, 16 at 1024)."""
    resolutions = [2 ** i for i in range(3, int(math.log2(size)) + 1)]
    if 2 ** int(math.log2(size)) != size or size < 8:
        raise ValueError(f"--size must be a power of two >= 8, got {size}")
    return {"latentVectorDim": 512, "depthScale0": 512, "depthOtherScales": [min(512, 16384 // r) for r in resolutions]}


def biggan_deep_config(size: int) -> dict:
    """BigGAN-deep at 256 or 512 px: two blocks (one upsampling) per resolution, 128 channels per width
    unit, attention at 64 px; 512 px adds two blocks at width 1 to the published 256-px layout."""
    layers = [list(layer) for layer in BIGGAN_DEEP_256["layers"]]
    if size == 512:
        layers += [[False, 1, 1], [True, 1, 1]]
    elif size != 256:
        raise ValueError(f"--size must be 256 or 512 for biggan-deep, got {size}")
    return dict(BIGGAN_DEEP_256, output_dim=size, layers=layers)


def synthesis_gflop(size: int, style_dim: int, channels: dict) -> float:
    """Multiply-adds x2 of one W-space synthesis pass (convolutions, toRGB, style modulations).

    An upsampling layer is a stride-2 transposed 3x3 convolution, whose cost is set by its input
    resolution; blur, noise, bias and demodulation are a few FLOPs per pixel and are left out.
    """
    total = 0.0

    def styled(cin, cout, k, res):
        return 2.0 * cin * cout * k * k * res * res + 2.0 * style_dim * cin

    total += styled(channels[4], channels[4], 3, 4) + styled(channels[4], 3, 1, 4)
    cin = channels[4]
    for i in range(3, int(math.log2(size)) + 1):
        res, cout = 2 ** i, channels[2 ** i]
        total += styled(cin, cout, 3, res // 2) + styled(cout, cout, 3, res) + styled(cout, 3, 1, res)
        cin = cout
    return total / 1e9


class LeadingCoordinates(torch.nn.Module):
    """code_K [B, K] -> module([code_K, tail]) with a fixed tail [1, dim - K]."""

    def __init__(self, module: torch.jit.ScriptModule, tail: torch.Tensor):
        super().__init__()
        self.module = module
        self.register_buffer("tail", tail.reshape(1, -1).clone())

    def forward(self, code):
        return self.module(torch.cat([code, self.tail.expand(code.shape[0], -1)], 1))


class LeadingCoordinatesJvp(LeadingCoordinates):
    """The slice of a module that has a jvp method, with one too: the tail's tangents are zero."""

    @torch.jit.export
    def jvp(self, code: torch.Tensor, v: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        z = torch.cat([code, self.tail], 1)
        return self.module.jvp(z, torch.cat([v, torch.zeros(v.shape[0], self.tail.shape[1])], 1))


def _tail_code(export_dir: Path, space: dict, seed: int) -> torch.Tensor:
    """A code of the space to hold the other coordinates at: mapped z for W, else a prior-like draw."""
    z = torch.randn(1, space["dim"], generator=torch.Generator().manual_seed(seed))
    if space["name"] == "w":
        with torch.no_grad():
            return torch.jit.load(str(export_dir / "mapping.pt"))(z)
    return z.clamp(-2, 2)


def write_leading(export_dir: Path, k: int, seed: int, forward_gflop: float, space_name: str = "w") -> Path:
    full = json.loads((export_dir / "model-card.json").read_text())
    space = next(s for s in full["spaces"] if s["name"] == space_name)
    dim = space["dim"]
    if not 0 < k < dim:
        raise ValueError(f"--leading must be in 1..{dim - 1}, got {k}")
    out = export_dir.parent / f"{export_dir.name}-{space_name}{k}"
    out.mkdir(parents=True, exist_ok=True)
    tail = _tail_code(export_dir, space, seed)[:, k:]
    wrapper = LeadingCoordinatesJvp if space.get("jvp") else LeadingCoordinates
    module = torch.jit.script(wrapper(torch.jit.load(str(export_dir / space["module"])), tail))
    name = f"{space['module'].removesuffix('.pt')}_{space_name}{k}.pt"
    module.save(str(out / name))
    extra = {"forward_gflop": forward_gflop, "leading_of": export_dir.name,
             "fixed_tail": f"{'mapping(N(0,I))' if space_name == 'w' else 'N(0,I) clamped to 2'} seed {seed}, [{k}:]"}
    extra.update({key: full["extra"][key] for key in ("noise", "psi", "truncation") if key in full["extra"]})
    return cards.write_model_card(
        out, name=out.name, architecture=full["architecture"],
        description=f"{full['description']} {space_name} space restricted to its first {k} coordinates (benchmark slice).",
        source=f"eigenstudy_export.bench_models --leading {k} from {export_dir.name}",
        resolution=full["resolution"],
        spaces=[cards.space(space_name, k, {"kind": "normal"}, "linear", name, jvp=bool(space.get("jvp")))],
        extra=extra,
    )


def profiled_gflop(module: torch.nn.Module, example: torch.Tensor) -> float:
    """GFLOPs of one forward pass per sample, as torch's profiler counts them (matrix products and
    convolutions; element-wise work is left out, as in synthesis_gflop)."""
    with torch.no_grad(), profile(activities=[ProfilerActivity.CPU], with_flops=True) as prof:
        module(example)
    products = [event.flops for event in prof.key_averages() if "mm" in event.key or "conv" in event.key]
    return sum(products) / example.shape[0] / 1e9


def _export_stylegan2(args, checkpoint: Path):
    channels = {k: v for k, v in channel_table(args.channel_multiplier).items() if k <= args.size}
    config = {"size": args.size, "style_dim": 512, "n_mlp": 8, "channels": channels}
    write_stylegan2(checkpoint, seed=args.seed, config=config)
    card_path = stylegan2.export(checkpoint, args.out, args.out.name, Progress(quiet=False), psi=args.psi)
    return card_path, synthesis_gflop(args.size, 512, channels), "W-space synthesis only (bench_models.synthesis_gflop); z adds 8 x 2 x 512^2"


def _export_pggan(args, checkpoint: Path):
    model = write_pggan(checkpoint, seed=args.seed, config=pggan_config(args.size))
    card_path = pggan.export(checkpoint, args.out, args.out.name, Progress(quiet=False))
    return card_path, profiled_gflop(model, torch.randn(1, 512)), "torch profiler, one z-space forward pass"


def _export_biggan(args, checkpoint: Path):
    folder = checkpoint.with_suffix("")
    write_biggan(folder, seed=args.seed, config=biggan_deep_config(args.size))
    card_path = biggan.export(folder / "pytorch_model.bin", args.out, args.out.name, Progress(quiet=False), truncation=0.7)
    # The eager net, not the exported file: a traced module runs aten::_convolution, to which torch's
    # profiler attaches no FLOPs, so profiling generator_full.pt counted the matrix products only.
    model, config = biggan.build(folder / "pytorch_model.bin", folder / "config.json")
    full = AtTruncation(model, 0.7, "full", model.embeddings.weight[:, 1].detach(), torch.zeros(config["z_dim"]))
    gflop = profiled_gflop(full, torch.randn(1, config["z_dim"] + config["class_embed_dim"]))
    return card_path, gflop, "torch profiler, one full-space forward pass of the eager net (every space runs the same network)"


EXPORTS = {"stylegan2": _export_stylegan2, "pggan": _export_pggan, "biggan-deep": _export_biggan}
DEFAULT_SPACE = {"stylegan2": "w", "pggan": "z", "biggan-deep": "noise"}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="export folder (under a target/ dir)")
    parser.add_argument("--family", choices=sorted(EXPORTS), default="stylegan2")
    parser.add_argument("--channel-multiplier", type=int, choices=(1, 2), default=1, help="StyleGAN2 only")
    parser.add_argument("--size", type=int, default=256, help="output size in px (PGGAN: a power of two; BigGAN-deep: 256 or 512)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--psi", type=float, default=0.7, help="StyleGAN2 only")
    parser.add_argument("--keep-checkpoint", action="store_true")
    parser.add_argument("--leading", type=int, default=None, metavar="K", help="also write the first-K-coordinates slice")
    parser.add_argument("--space", default=None, help="the space --leading slices (default: w, z or noise by family)")
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    checkpoint = args.out.parent / f"{args.out.name}-random.pt"
    card_path, gflop, note = EXPORTS[args.family](args, checkpoint)
    if not args.keep_checkpoint:
        checkpoint.unlink(missing_ok=True)
        shutil.rmtree(checkpoint.with_suffix(""), ignore_errors=True)  # BigGAN's folder (bin + config)
    card = json.loads(Path(card_path).read_text())
    card["extra"]["forward_gflop"] = gflop
    card["extra"]["forward_gflop_note"] = note
    card["description"] += " Random weights (eigenstudy_export.bench_models): a benchmark fixture, not a model."
    Path(card_path).write_text(json.dumps(card, indent=2) + "\n")
    print(card_path, gflop, file=sys.stderr)
    if args.leading is not None:
        try:
            print(write_leading(args.out, args.leading, args.seed, gflop, args.space or DEFAULT_SPACE[args.family]), file=sys.stderr)
        except (ValueError, StopIteration) as e:
            parser.error(str(e) or f"no space {args.space!r} in {card_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
