"""Command line: python -m eigenstudy_export export pggan|biggan-deep|stylegan2|stylegan2-ada|stylegan3|lpips --checkpoint F --out DIR."""
import argparse
import sys
from pathlib import Path

from eigenstudy_export.checkpoints import ExportError
from eigenstudy_export.progress import Progress


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="eigenstudy_export", description="Export public GAN / LPIPS checkpoints to TorchScript + card.")
    sub = ap.add_subparsers(dest="command", required=True)
    export = sub.add_parser("export", help="export one checkpoint")
    kinds = export.add_subparsers(dest="kind", required=True)

    def common(p):
        p.add_argument("--checkpoint", type=Path, required=True)
        p.add_argument("--out", type=Path, required=True, help="output folder, e.g. models/NAME")
        p.add_argument("--name", help="card name (default: the output folder's name)")
        p.add_argument("--quiet", action="store_true", help="no progress lines")
        return p

    common(kinds.add_parser("pggan", help="pytorch_GAN_zoo PGAN .pth (uses avgG)"))
    big = common(kinds.add_parser("biggan-deep", help="pytorch-pretrained-BigGAN pytorch_model.bin"))
    big.add_argument("--config", type=Path, help="config.json (default: next to the checkpoint)")
    big.add_argument("--truncation", type=float, default=0.7)
    big.add_argument("--class-index", type=int, default=1)
    sg = common(kinds.add_parser("stylegan2", help="rosinality stylegan2-pytorch .pt (uses g_ema, latent_avg)"))
    sg.add_argument("--psi", type=float, default=0.7, help="truncation psi around latent_avg (1 = none)")
    # one reader for both NVIDIA codebases' pickles: it tells StyleGAN3 from StyleGAN2-ADA by the synthesis network
    ada = common(kinds.add_parser("stylegan2-ada", aliases=["stylegan3"],
                                  help="NVIDIA stylegan2-ada-pytorch or stylegan3 .pkl (uses G_ema, mapping.w_avg); no code from the file is run"))
    ada.add_argument("--psi", type=float, default=0.7, help="truncation psi around mapping.w_avg (1 = none)")
    lp = common(kinds.add_parser("lpips", help="LPIPS v0.1 lin weights (--checkpoint) + torchvision trunk"))
    lp.add_argument("--trunk", required=True, choices=["squeeze", "alex", "vgg"])
    lp.add_argument("--trunk-checkpoint", type=Path, required=True, help="torchvision ImageNet weights of the trunk")
    return ap


def run(args) -> Path:
    from eigenstudy_export.exporters import biggan, lpips, pggan, stylegan2, stylegan2_ada

    progress = Progress(args.quiet)
    name = args.name or Path(args.out).resolve().name
    if args.kind == "pggan":
        return pggan.export(args.checkpoint, args.out, name, progress)
    if args.kind == "biggan-deep":
        return biggan.export(args.checkpoint, args.out, name, progress, args.config, args.truncation, args.class_index)
    if args.kind == "stylegan2":
        return stylegan2.export(args.checkpoint, args.out, name, progress, args.psi)
    if args.kind in ("stylegan2-ada", "stylegan3"):
        return stylegan2_ada.export(args.checkpoint, args.out, name, progress, args.psi)
    return lpips.export(args.trunk, args.checkpoint, args.trunk_checkpoint, args.out, name, progress)


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    try:
        written = run(args)
    except ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {written}")
    return 0
