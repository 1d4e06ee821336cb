"""PGGAN (pytorch_GAN_zoo) -> generator_z.pt + model card."""
import math
from pathlib import Path

import torch

from eigenstudy_export import card
from eigenstudy_export.checkpoints import ExportError, load_file, load_strict, require_key
from eigenstudy_export.exporters.common import prepare_out, trace_and_save
from eigenstudy_export.nets.pggan import PGGANGenerator


def _config_value(config, key, default):
    if config is None:
        return default
    if isinstance(config, dict):
        return config.get(key, default)
    return getattr(config, key, default)


def _with_module_infix(state):
    """Legacy files lack the `.module.` infix the current layout has."""
    fixed = {}
    for key, value in state.items():
        if ".module." not in key and (key.endswith(".weight") or key.endswith(".bias")):
            head, leaf = key.rsplit(".", 1)
            key = f"{head}.module.{leaf}"
        fixed[key] = value
    return fixed


def build(checkpoint: Path):
    ckpt = load_file(checkpoint)
    state = require_key(ckpt, "avgG", checkpoint)
    config = ckpt.get("config") if isinstance(ckpt, dict) else None
    latent = int(_config_value(config, "latentVectorDim", 512))
    depth0 = int(_config_value(config, "depthScale0", 512))
    others = [int(d) for d in _config_value(config, "depthOtherScales", [512, 512, 512, 256, 128, 64])]
    alpha = float(_config_value(config, "alpha", 0.0))
    if int(_config_value(config, "categoryVectorDim", 0)) != 0:
        raise ExportError(f"{checkpoint}: class-conditional PGGAN checkpoints are not supported (categoryVectorDim != 0)")
    model = PGGANGenerator(latent, depth0, others, alpha)
    load_strict(model, _with_module_infix(state), f"{checkpoint} [avgG]")
    return model.eval(), {"latent_dim": latent, "alpha": alpha, "depths": [depth0] + others}


def export(checkpoint: Path, out: Path, name: str, progress) -> Path:
    out = prepare_out(out)
    progress.step(f"loading {checkpoint}")
    model, info = build(checkpoint)
    dim = info["latent_dim"]
    resolution = 4 * 2 ** (len(info["depths"]) - 1)
    trace_and_save(model, torch.randn(2, dim, generator=torch.Generator().manual_seed(0)), out / "generator_z.pt", progress,
                   jvp=True)
    return card.write_model_card(
        out, name=name, architecture="pggan",
        description=f"Progressive GAN generator, {resolution}px, averaged generator (avgG) weights.",
        source=f"exported by eigenstudy_export from {Path(checkpoint).name}",
        resolution=resolution,
        spaces=[card.space("z", dim, {"kind": "sphere", "radius": math.sqrt(dim)}, "spherical", "generator_z.pt", jvp=True)],
        extra={"weights": "avgG", "pixel_norm_input": True, "alpha": info["alpha"], "depths": info["depths"],
               "output_activation": None,
               "note": "z is pixel-normalised first, so only directions tangent to the sphere change the image"},
    )
