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
"""
import argparse
import json
import math
import sys
from pathlib import Path

import torch

from eigenstudy_export import card as cards
from eigenstudy_export.exporters import stylegan2
from eigenstudy_export.nets.stylegan2 import channel_table
from eigenstudy_export.progress import Progress
from eigenstudy_export.random_checkpoints import write_stylegan2


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
    """w_K [B, K] -> synthesis([w_K, tail]) with a fixed tail [1, dim - K]."""

    def __init__(self, synthesis: torch.jit.ScriptModule, tail: torch.Tensor):
        super().__init__()
        self.synthesis = synthesis
        self.register_buffer("tail", tail.reshape(1, -1).clone())

    def forward(self, w):
        return self.synthesis(torch.cat([w, self.tail.expand(w.shape[0], -1)], 1))


def write_leading(export_dir: Path, k: int, seed: int, forward_gflop: float) -> Path:
    full = json.loads((export_dir / "model-card.json").read_text())
    dim = next(space["dim"] for space in full["spaces"] if space["name"] == "w")
    if not 0 < k < dim:
        raise ValueError(f"--leading must be in 1..{dim - 1}, got {k}")
    out = export_dir.parent / f"{export_dir.name}-w{k}"
    out.mkdir(parents=True, exist_ok=True)
    mapping = torch.jit.load(str(export_dir / "mapping.pt"))
    with torch.no_grad():
        w0 = mapping(torch.randn(1, dim, generator=torch.Generator().manual_seed(seed)))
    module = torch.jit.script(LeadingCoordinates(torch.jit.load(str(export_dir / "synthesis.pt")), w0[:, k:]))
    name = f"synthesis_w{k}.pt"
    module.save(str(out / name))
    return cards.write_model_card(
        out, name=out.name, architecture="stylegan2",
        description=f"{full['description']} W space restricted to its first {k} coordinates (benchmark slice).",
        source=f"eigenstudy_export.bench_models --leading {k} from {export_dir.name}",
        resolution=full["resolution"],
        spaces=[cards.space("w", k, {"kind": "normal"}, "linear", name)],
        extra={"forward_gflop": forward_gflop, "leading_of": export_dir.name, "fixed_tail": f"mapping(N(0,I) seed {seed})[{k}:]",
               "noise": full["extra"]["noise"], "psi": full["extra"]["psi"]},
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="export folder (under a target/ dir)")
    parser.add_argument("--channel-multiplier", type=int, choices=(1, 2), default=1)
    parser.add_argument("--size", type=int, default=256)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--psi", type=float, default=0.7)
    parser.add_argument("--keep-checkpoint", action="store_true")
    parser.add_argument("--leading", type=int, default=None, metavar="K", help="also write the first-K-coordinates slice")
    args = parser.parse_args(argv)
    if args.leading is not None and not 0 < args.leading < 512:
        parser.error(f"--leading must be in 1..511, got {args.leading}")
    channels = {k: v for k, v in channel_table(args.channel_multiplier).items() if k <= args.size}
    config = {"size": args.size, "style_dim": 512, "n_mlp": 8, "channels": channels}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    checkpoint = args.out.parent / f"{args.out.name}-random.pt"
    write_stylegan2(checkpoint, seed=args.seed, config=config)
    card_path = stylegan2.export(checkpoint, args.out, args.out.name, Progress(quiet=False), psi=args.psi)
    if not args.keep_checkpoint:
        checkpoint.unlink()
    card = json.loads(Path(card_path).read_text())
    card["extra"]["forward_gflop"] = synthesis_gflop(args.size, 512, channels)
    card["extra"]["forward_gflop_note"] = "W-space synthesis only (bench_models.synthesis_gflop); z adds 8 x 2 x 512^2"
    card["description"] += " Random weights (eigenstudy_export.bench_models): a benchmark fixture, not a model."
    Path(card_path).write_text(json.dumps(card, indent=2) + "\n")
    print(card_path, card["extra"]["forward_gflop"], file=sys.stderr)
    if args.leading is not None:
        print(write_leading(args.out, args.leading, args.seed, card["extra"]["forward_gflop"]), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
