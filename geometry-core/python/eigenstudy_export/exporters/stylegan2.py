"""StyleGAN2 (rosinality format) -> mapping.pt, synthesis.pt, synthesis_wplus.pt, generator_z.pt + model card."""
import math
from pathlib import Path

import numpy as np
import torch

from eigenstudy_export import card
from eigenstudy_export.checkpoints import ExportError, load_file, load_strict, require_key
from eigenstudy_export.exporters.common import prepare_out, trace_and_save
from eigenstudy_export.nets.stylegan2 import Mapping, StyleGAN2Generator, Synthesis, SynthesisWPlus, ZGenerator


# The W+ synthesis module: codes [B, layers * dim], one w per style input in synthesis order.
WPLUS_MODULE = "synthesis_wplus.pt"


def infer_config(state, where):
    """Size, mapping depth and channels per resolution, read from the weight shapes."""
    try:
        noises = [k for k in state if k.startswith("noises.noise_")]
        log_size = (len(noises) + 3) // 2
        size = 2 ** log_size
        style_dim = state["style.1.weight"].shape[0]
        n_mlp = sum(1 for k in state if k.startswith("style.") and k.endswith(".weight"))
        channels = {4: state["input.input"].shape[1]}
        for i in range(3, log_size + 1):
            channels[2 ** i] = state[f"convs.{2 * (i - 3)}.conv.weight"].shape[1]
    except KeyError as exc:
        raise ExportError(f"{where}: layout mismatch: missing key {exc}") from exc
    return {"size": size, "style_dim": style_dim, "n_mlp": n_mlp, "channels": channels}


def mean_latent(g: StyleGAN2Generator, samples: int = 4096) -> torch.Tensor:
    with torch.no_grad():
        z = torch.randn(samples, g.style_dim, generator=torch.Generator().manual_seed(0))
        return g.style(z).mean(0)


def build(checkpoint: Path):
    ckpt = load_file(checkpoint)
    where = f"{checkpoint} [g_ema]"
    state = require_key(ckpt, "g_ema", checkpoint)
    cfg = infer_config(state, where)
    g = StyleGAN2Generator(cfg["size"], cfg["style_dim"], cfg["n_mlp"], channels=cfg["channels"])
    load_strict(g, state, where)
    latent_avg = ckpt.get("latent_avg")
    source = "checkpoint latent_avg"
    if latent_avg is None:
        latent_avg, source = mean_latent(g), "mean of the mapping over 4096 N(0,1) samples (seed 0); the file has no latent_avg"
    elif list(latent_avg.shape) not in ([cfg["style_dim"]], [1, cfg["style_dim"]]):
        raise ExportError(f"{checkpoint}: layout mismatch: key 'latent_avg' has shape {list(latent_avg.shape)}, expected [{cfg['style_dim']}]")
    return g.eval(), latent_avg.reshape(-1).float(), source, cfg


def check_psi(psi: float) -> None:
    if not 0.0 < psi <= 1.0:
        raise ExportError(f"--psi must be in (0, 1], got {psi}")


def export(checkpoint: Path, out: Path, name: str, progress, psi: float = 0.7) -> Path:
    check_psi(psi)
    progress.step(f"loading {checkpoint}")
    g, latent_avg, avg_source, cfg = build(checkpoint)
    return write_export(g, latent_avg, cfg, out, name, progress, psi, source=Path(checkpoint).name,
                        description=f"StyleGAN2 generator, {cfg['size']}px, EMA weights (g_ema), per-layer noise fixed to the stored buffers.",
                        extra={"latent_avg_source": avg_source, "noise": "fixed: the checkpoint's noises.noise_i buffers"})


def stylegan2_channels(cfg: dict) -> dict:
    """Card facts of StyleGAN2's channel table: channels per resolution and the channel multiplier."""
    cm = cfg["channels"][cfg["size"]] / (16 * 1024 / cfg["size"]) if cfg["size"] >= 64 else None
    return {"channels": {str(k): v for k, v in cfg["channels"].items()}, "channel_multiplier": cm}


def style_weights(g, synthesis) -> list:
    """Per W+ entry, the synthesis module's parameter names of the style affines that entry feeds (the
    card's wplus.styles): SeFa's A for StyleGAN is these weights, stacked over the chosen layers. Each
    name is checked against the module, so a renamed layer fails the export, not a later SeFa run."""
    names = dict(synthesis.named_parameters())
    styles = [[f"g.{path}.weight" for path in entry] for entry in g.style_inputs()]
    for name in (n for entry in styles for n in entry):
        if name not in names or tuple(names[name].shape[1:]) != (g.style_dim,):
            raise ValueError(f"style affine {name} is not a [features, {g.style_dim}] weight of the synthesis module")
    return styles


def write_export(g, latent_avg: torch.Tensor, cfg: dict, out: Path, name: str, progress,
                 psi: float, *, source: str, description: str, extra: dict, architecture: str = "stylegan2",
                 channels: dict = None) -> Path:
    """mapping.pt, synthesis.pt, synthesis_wplus.pt, generator_z.pt, latent_avg.npy and the card of a loaded generator
    (the rosinality .pt, StyleGAN2-ADA and StyleGAN3 .pkl readers all end here); `extra` adds card facts.

    `g` is a StyleGAN2Generator or anything with its export interface (`style`, `style_dim`, `n_latent`,
    `synthesize`: nets.stylegan3.StyleGAN3Generator); `channels`: the card's channel facts, by default
    StyleGAN2's per-resolution table."""
    out = prepare_out(out)
    mapping, synthesis = Mapping(g, latent_avg, psi), Synthesis(g)
    dim = cfg["style_dim"]
    # Synthesis forward passes are nearly all of the export time at 1024 px, so: trace at batch 1,
    # verify at batch 2, and compute the eager images once: generator_z(z) is synthesis(mapping(z)),
    # the same operations, so both image modules are checked against the same eager output.
    codes = torch.randn(3, dim, generator=torch.Generator().manual_seed(0))
    z, z_probe = codes[:1], codes[1:]
    with torch.no_grad():
        w, w_probe = mapping(z), mapping(z_probe)
        images = synthesis(w_probe)
    trace_and_save(mapping, z, out / "mapping.pt", progress, probe=z_probe, eager=w_probe)
    trace_and_save(synthesis, w, out / "synthesis.pt", progress, probe=w_probe, eager=images)
    trace_and_save(ZGenerator(mapping, synthesis), z, out / "generator_z.pt", progress, probe=z_probe, eager=images)
    # W+ with every layer's w equal is synthesis(w): checking it on w_probe repeated over the layers
    # reuses the same eager images (no further eager pass); tests/test_export_roundtrip.py checks
    # different ws per layer against the eager network.
    layers = g.n_latent
    trace_and_save(SynthesisWPlus(g), w.repeat(1, layers), out / WPLUS_MODULE, progress,
                   probe=w_probe.repeat(1, layers), eager=images)
    np.save(out / "latent_avg.npy", latent_avg.numpy().astype(np.float32))
    styles = style_weights(g, synthesis)
    return card.write_model_card(
        out, name=name, architecture=architecture, description=description,
        source=f"exported by eigenstudy_export from {source}",
        resolution=cfg["size"],
        spaces=[
            card.space("z", dim, {"kind": "normal"}, "spherical", "generator_z.pt"),
            # W codes are mapped z, not normal: the engine draws z from N(0, I) and runs mapping.pt.
            card.space("w", dim, {"kind": "mapped", "module": "mapping.pt",
                                  "input": {"dim": dim, "prior": {"kind": "normal"}}}, "linear", "synthesis.pt",
                       wplus={"module": WPLUS_MODULE, "layers": layers, "styles": styles}),
        ],
        extra={"psi": psi, "truncation": "w' = latent_avg + psi * (w - latent_avg), applied in mapping.pt and generator_z.pt",
               "latent_avg_file": "latent_avg.npy", "mapping_module": "mapping.pt",
               **(stylegan2_channels(cfg) if channels is None else channels),
               "n_latent": g.n_latent, "output_activation": None, **extra},
        extra_files=["mapping.pt", "latent_avg.npy", WPLUS_MODULE],
    )
