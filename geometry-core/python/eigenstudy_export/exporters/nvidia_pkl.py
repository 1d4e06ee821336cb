"""What NVIDIA's StyleGAN2-ADA and StyleGAN3 .pkl generators share: the G_ema container, the
generator's constructor arguments and the mapping network (the same in both codebases).

The pickle is read by checkpoints.load_file, which turns every network into a PersistentModule
(tensors + constructor kwargs; the pickled source code is never run). Accepted: unconditional
(c_dim = 0) RGB generators with z_dim = w_dim; anything else is refused by name.
"""
from pathlib import Path
from typing import Dict, Tuple

import torch

from eigenstudy_export.checkpoints import ExportError, PersistentModule, load_file, require_key

DEFAULT_MAPPING_LR = 0.01  # MappingNetwork's lr_multiplier default (when the kwargs do not name one)
DEFAULT_MAPPING_LAYERS = 8  # StyleGAN2-ADA's default; StyleGAN3 pickles store theirs (2 in its configs)
GENERATOR_KWARGS = ("z_dim", "w_dim", "c_dim", "img_resolution", "img_channels", "mapping_kwargs")


def child(module: PersistentModule, name: str, where: str) -> PersistentModule:
    found = module.modules.get(name)
    if not isinstance(found, PersistentModule):
        raise ExportError(f"{where}: layout mismatch: missing module '{name}' (found {sorted(module.modules)})")
    return found


def tensor(table: dict, name: str, where: str) -> torch.Tensor:
    value = table.get(name)
    if not torch.is_tensor(value):
        raise ExportError(f"{where}: layout mismatch: missing tensor '{name}'")
    return value.detach().float()


def refuse_unless(ok: bool, where: str, what: str) -> None:
    if not ok:
        raise ExportError(f"{where}: not supported: {what}")


def read_generator(checkpoint: Path) -> Tuple[PersistentModule, str]:
    """G_ema of a snapshot, and the place to name in messages."""
    snapshot = load_file(checkpoint)
    g = require_key(snapshot, "G_ema", checkpoint)
    where = f"{checkpoint} [G_ema]"
    if not isinstance(g, PersistentModule):
        raise ExportError(f"{where}: expected a pickled NVIDIA network, found {type(g).__name__}")
    if g.class_name != "Generator":
        raise ExportError(f"{where}: G_ema is a '{g.class_name}', expected NVIDIA's 'Generator'")
    return g, where


def synthesis_classes(g: PersistentModule, where: str) -> Dict[str, str]:
    """G_ema.synthesis's submodules: name -> class name (tells a StyleGAN3 from a StyleGAN2-ADA network)."""
    return {n: m.class_name for n, m in child(g, "synthesis", where).modules.items() if isinstance(m, PersistentModule)}


def is_stylegan3(g: PersistentModule, where: str) -> bool:
    return "SynthesisInput" in synthesis_classes(g, where).values()


def read_config(g: PersistentModule, where: str) -> dict:
    """The generator-level facts both exporters need, from the constructor kwargs and the mapping."""
    kw = g.init_kwargs
    try:
        z_dim, w_dim, c_dim = int(kw["z_dim"]), int(kw["w_dim"]), int(kw.get("c_dim", 0))
        size, img_channels = int(kw["img_resolution"]), int(kw["img_channels"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ExportError(f"{where}: G_ema's constructor arguments lack {exc}") from exc
    refuse_unless(c_dim == 0, where, f"class-conditional generators (c_dim={c_dim})")
    refuse_unless(img_channels == 3, where, f"img_channels={img_channels} (RGB only)")
    refuse_unless(z_dim == w_dim, where, f"z_dim={z_dim} != w_dim={w_dim}")
    mapping_kw = dict(kw.get("mapping_kwargs") or {})
    # StyleGAN2-ADA nests the synthesis arguments; StyleGAN3's Generator takes them as its own kwargs
    if "synthesis_kwargs" in kw:
        synthesis_kw = dict(kw["synthesis_kwargs"] or {})
    else:
        synthesis_kw = {k: v for k, v in kw.items() if k not in GENERATOR_KWARGS}
    mapping = child(g, "mapping", where)
    return {"size": size, "style_dim": w_dim,
            "n_mlp": int(mapping.attrs.get("num_layers", mapping_kw.get("num_layers", DEFAULT_MAPPING_LAYERS))),
            "lr_mlp": float(mapping_kw.get("lr_multiplier", DEFAULT_MAPPING_LR)),
            "mapping_kwargs": mapping_kw, "synthesis_kwargs": synthesis_kw}


def mapping_state(g: PersistentModule, cfg: dict, where: str) -> Tuple[Dict[str, torch.Tensor], torch.Tensor]:
    """The mapping's fc{i} layers under our `style.{i + 1}` names (nets.stylegan2.mapping_network), and w_avg."""
    mapping = child(g, "mapping", where)
    state = {}
    for i in range(cfg["n_mlp"]):
        fc = child(mapping, f"fc{i}", f"{where} mapping")
        state[f"style.{i + 1}.weight"] = tensor(fc.params, "weight", f"{where} mapping.fc{i}")
        state[f"style.{i + 1}.bias"] = tensor(fc.params, "bias", f"{where} mapping.fc{i}")
    w_avg = tensor(mapping.buffers, "w_avg", f"{where} mapping")
    if list(w_avg.shape) != [cfg["style_dim"]]:
        raise ExportError(f"{where}: layout mismatch: 'mapping.w_avg' has shape {list(w_avg.shape)}, expected [{cfg['style_dim']}]")
    return state, w_avg


def card_extra(cfg: dict, upstream: str) -> dict:
    """Card facts both exporters write."""
    return {"upstream": upstream, "latent_avg_source": "checkpoint mapping.w_avg", "mapping_lr_multiplier": cfg["lr_mlp"],
            "precision": "float32 throughout (the official force_fp32=True graph)",
            "mapping_kwargs": cfg["mapping_kwargs"], "synthesis_kwargs": cfg["synthesis_kwargs"]}
