"""StyleGAN2-ADA (NVIDIA's official PyTorch .pkl) -> the same files and card as the stylegan2 exporter.

The pickle is read by checkpoints.load_file, which turns every network into a PersistentModule
(tensors + constructor kwargs; the pickled source code is never run). G_ema's parameters are then
renamed into our StyleGAN2Generator, built with the ADA options (unscaled demodulated weights,
conv_clamp). Only what the official FFHQ/AFHQ/MetFaces/BreCaHAD releases use is accepted: the 'skip'
synthesis architecture, leaky-ReLU layers with noise inputs, the [1, 3, 3, 1] resampling filter,
unconditional (c_dim = 0) RGB generators with z_dim = w_dim. Anything else is refused by name.
"""
from pathlib import Path
from typing import Dict

import torch

from eigenstudy_export.checkpoints import ExportError, PersistentModule, load_file, load_strict, require_key
from eigenstudy_export.exporters.stylegan2 import check_psi, write_export
from eigenstudy_export.nets.stylegan2 import StyleGAN2Generator, blur_kernel_tensor

DEFAULT_MAPPING_LR = 0.01  # MappingNetwork's lr_multiplier default (when the kwargs do not name one)


def _child(module: PersistentModule, name: str, where: str) -> PersistentModule:
    child = module.modules.get(name)
    if not isinstance(child, PersistentModule):
        raise ExportError(f"{where}: layout mismatch: missing module '{name}' (found {sorted(module.modules)})")
    return child


def _tensor(table: dict, name: str, where: str) -> torch.Tensor:
    value = table.get(name)
    if not torch.is_tensor(value):
        raise ExportError(f"{where}: layout mismatch: missing tensor '{name}'")
    return value.detach().float()


def _refuse_unless(ok: bool, where: str, what: str) -> None:
    if not ok:
        raise ExportError(f"{where}: not supported: {what}")


def read_config(g: PersistentModule, where: str) -> dict:
    if g.class_name != "Generator":
        raise ExportError(f"{where}: G_ema is a '{g.class_name}', expected the StyleGAN2-ADA 'Generator'")
    kw = g.init_kwargs
    children = {n: m.class_name for n, m in _child(g, "synthesis", where).modules.items() if isinstance(m, PersistentModule)}
    if "SynthesisInput" in children.values():
        # StyleGAN3 (config-t/-r) pickles read fine, but their alias-free synthesis network has no
        # counterpart among our modules yet.
        layers = [n for n, c in children.items() if c == "SynthesisLayer"]
        raise ExportError(f"{where}: StyleGAN3 synthesis is not supported yet: it needs the Fourier-feature "
                          f"input (SynthesisInput) and {len(layers)} alias-free layers ({', '.join(layers[:2])}, ...: "
                          "filtered leaky ReLU with up/down-sampling filters), which have no Eigenstudy module")
    if "SynthesisBlock" not in children.values():
        raise ExportError(f"{where}: G_ema.synthesis has no StyleGAN2-ADA SynthesisBlock (found {sorted(set(children.values()))})")
    try:
        z_dim, w_dim, c_dim = int(kw["z_dim"]), int(kw["w_dim"]), int(kw.get("c_dim", 0))
        size, img_channels = int(kw["img_resolution"]), int(kw["img_channels"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ExportError(f"{where}: G_ema's constructor arguments lack {exc}") from exc
    _refuse_unless(c_dim == 0, where, f"class-conditional generators (c_dim={c_dim})")
    _refuse_unless(img_channels == 3, where, f"img_channels={img_channels} (RGB only)")
    _refuse_unless(z_dim == w_dim, where, f"z_dim={z_dim} != w_dim={w_dim}")
    mapping_kw = dict(kw.get("mapping_kwargs") or {})
    synthesis_kw = dict(kw.get("synthesis_kwargs") or {})
    conv_clamp = synthesis_kw.get("conv_clamp")
    return {"size": size, "style_dim": w_dim,
            "n_mlp": int(_child(g, "mapping", where).attrs.get("num_layers", mapping_kw.get("num_layers", 8))),
            "lr_mlp": float(mapping_kw.get("lr_multiplier", DEFAULT_MAPPING_LR)),
            "conv_clamp": None if conv_clamp is None else float(conv_clamp),
            "mapping_kwargs": mapping_kw, "synthesis_kwargs": synthesis_kw}


def _layer(layer: PersistentModule, where: str, conv_clamp) -> Dict[str, torch.Tensor]:
    """One SynthesisLayer / ToRGBLayer as our StyledConv / ToRGB tensors (names relative to it)."""
    attrs = layer.attrs
    if layer.class_name == "SynthesisLayer":
        _refuse_unless(attrs.get("activation") == "lrelu", where, f"activation '{attrs.get('activation')}'")
        _refuse_unless(bool(attrs.get("use_noise")), where, "layers without noise inputs")
    _refuse_unless(attrs.get("conv_clamp") == conv_clamp, where,
                   f"a layer clamp {attrs.get('conv_clamp')} other than the generator's conv_clamp {conv_clamp}")
    affine = _child(layer, "affine", where)
    out = {"conv.weight": _tensor(layer.params, "weight", where)[None],
           "conv.modulation.weight": _tensor(affine.params, "weight", f"{where}.affine"),
           "conv.modulation.bias": _tensor(affine.params, "bias", f"{where}.affine")}
    bias = _tensor(layer.params, "bias", where)
    if layer.class_name == "ToRGBLayer":
        out["bias"] = bias.reshape(1, -1, 1, 1)
    else:
        out["noise.weight"] = _tensor(layer.params, "noise_strength", where).reshape(1)
        out["activate.bias"] = bias
    return out


def _check_filter(module: PersistentModule, where: str) -> None:
    f = module.buffers.get("resample_filter")
    if f is not None and not torch.allclose(f.float(), blur_kernel_tensor(1.0), rtol=0, atol=1e-7):
        raise ExportError(f"{where}: not supported: a resample_filter other than [1, 3, 3, 1]")


def to_our_state(g: PersistentModule, cfg: dict, where: str):
    """Our StyleGAN2Generator's state dict from G_ema, the channels per resolution, and w_avg."""
    state, channels, noises = {}, {}, []
    mapping = _child(g, "mapping", where)
    for i in range(cfg["n_mlp"]):
        fc = _child(mapping, f"fc{i}", f"{where} mapping")
        state[f"style.{i + 1}.weight"] = _tensor(fc.params, "weight", f"{where} mapping.fc{i}")
        state[f"style.{i + 1}.bias"] = _tensor(fc.params, "bias", f"{where} mapping.fc{i}")
    w_avg = _tensor(mapping.buffers, "w_avg", f"{where} mapping")
    synthesis = _child(g, "synthesis", where)
    log_size = cfg["size"].bit_length() - 1
    _refuse_unless(cfg["size"] == 2 ** log_size and log_size >= 2, where, f"img_resolution {cfg['size']}")
    for i in range(2, log_size + 1):
        res = 2 ** i
        name = f"b{res}"
        block = _child(synthesis, name, f"{where} synthesis")
        at = f"{where} synthesis.{name}"
        _refuse_unless(block.attrs.get("architecture", "skip") == "skip", at,
                       f"synthesis architecture '{block.attrs.get('architecture')}' (only 'skip', the official configs' generator)")
        _check_filter(block, at)
        layers = (["conv1"] if res == 4 else ["conv0", "conv1"])
        for j, lname in enumerate(layers):
            layer = _child(block, lname, at)
            _check_filter(layer, f"{at}.{lname}")
            ours = "conv1" if res == 4 else f"convs.{2 * (i - 3) + j}"
            state.update({f"{ours}.{k}": v for k, v in _layer(layer, f"{at}.{lname}", cfg["conv_clamp"]).items()})
            noises.append(_tensor(layer.buffers, "noise_const", f"{at}.{lname}")[None, None])
        rgb = "to_rgb1" if res == 4 else f"to_rgbs.{i - 3}"
        state.update({f"{rgb}.{k}": v for k, v in _layer(_child(block, "torgb", at), f"{at}.torgb", cfg["conv_clamp"]).items()})
        if res == 4:
            state["input.input"] = _tensor(block.params, "const", at)[None]
        channels[res] = int(_tensor(block.modules["conv1"].params, "weight", at).shape[0])
    for n, noise in enumerate(noises):
        state[f"noises.noise_{n}"] = noise
    return state, channels, w_avg


def build(checkpoint: Path):
    snapshot = load_file(checkpoint)
    g = require_key(snapshot, "G_ema", checkpoint)
    where = f"{checkpoint} [G_ema]"
    if not isinstance(g, PersistentModule):
        raise ExportError(f"{where}: expected a pickled StyleGAN2-ADA network, found {type(g).__name__}")
    cfg = read_config(g, where)
    state, channels, w_avg = to_our_state(g, cfg, where)
    cfg["channels"] = channels
    model = StyleGAN2Generator(cfg["size"], cfg["style_dim"], cfg["n_mlp"], lr_mlp=cfg["lr_mlp"], channels=channels,
                               demod_weight_gain=1.0, conv_clamp=cfg["conv_clamp"])
    # our module also holds the fixed blur kernels; everything else must come from the file
    for key, value in model.state_dict().items():
        if key.endswith("kernel"):
            state[key] = value
    load_strict(model, state, f"{where} (renamed to our layout)")
    if list(w_avg.shape) != [cfg["style_dim"]]:
        raise ExportError(f"{where}: layout mismatch: 'mapping.w_avg' has shape {list(w_avg.shape)}, expected [{cfg['style_dim']}]")
    return model.eval(), w_avg, cfg


def export(checkpoint: Path, out: Path, name: str, progress, psi: float = 0.7) -> Path:
    check_psi(psi)
    progress.step(f"reading {checkpoint} (restricted unpickler: no code from the file is run)")
    g, w_avg, cfg = build(checkpoint)
    return write_export(
        g, w_avg, cfg, out, name, progress, psi, source=Path(checkpoint).name,
        description=f"StyleGAN2-ADA generator, {cfg['size']}px, EMA weights (G_ema), noise fixed to the stored noise_const buffers (noise_mode='const').",
        extra={"upstream": "NVlabs/stylegan2-ada-pytorch (.pkl)", "latent_avg_source": "checkpoint mapping.w_avg",
               "noise": "fixed: each layer's noise_const times its noise_strength (noise_mode='const')",
               "conv_clamp": cfg["conv_clamp"], "synthesis_architecture": "skip", "mapping_lr_multiplier": cfg["lr_mlp"],
               "precision": "float32 throughout (the official force_fp32=True graph)",
               "mapping_kwargs": cfg["mapping_kwargs"], "synthesis_kwargs": cfg["synthesis_kwargs"]})
