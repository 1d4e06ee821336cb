"""StyleGAN2-ADA (NVIDIA's official PyTorch .pkl) -> the same files and card as the stylegan2 exporter.

The pickle is read without running its code (exporters/nvidia_pkl.py). G_ema's parameters are then
renamed into our StyleGAN2Generator, built with the ADA options (unscaled demodulated weights,
conv_clamp). Only what the official FFHQ/AFHQ/MetFaces/BreCaHAD releases use is accepted: the 'skip'
synthesis architecture, leaky-ReLU layers with noise inputs, the [1, 3, 3, 1] resampling filter,
unconditional (c_dim = 0) RGB generators with z_dim = w_dim. Anything else is refused by name.
StyleGAN3 pickles (same container, same mapping) are recognised and exported by exporters/stylegan3.py.
"""
from pathlib import Path
from typing import Dict

import torch

from eigenstudy_export.checkpoints import ExportError, PersistentModule, load_strict
from eigenstudy_export.exporters import nvidia_pkl, stylegan3
from eigenstudy_export.exporters.nvidia_pkl import child, refuse_unless, synthesis_classes, tensor
from eigenstudy_export.exporters.stylegan2 import check_psi, write_export
from eigenstudy_export.nets.stylegan2 import StyleGAN2Generator, blur_kernel_tensor


def read_config(g: PersistentModule, where: str) -> dict:
    children = synthesis_classes(g, where)
    if "SynthesisBlock" not in children.values():
        raise ExportError(f"{where}: G_ema.synthesis has no StyleGAN2-ADA SynthesisBlock (found {sorted(set(children.values()))})")
    cfg = nvidia_pkl.read_config(g, where)
    conv_clamp = cfg["synthesis_kwargs"].get("conv_clamp")
    cfg["conv_clamp"] = None if conv_clamp is None else float(conv_clamp)
    return cfg


def _layer(layer: PersistentModule, where: str, conv_clamp) -> Dict[str, torch.Tensor]:
    """One SynthesisLayer / ToRGBLayer as our StyledConv / ToRGB tensors (names relative to it)."""
    attrs = layer.attrs
    if layer.class_name == "SynthesisLayer":
        refuse_unless(attrs.get("activation") == "lrelu", where, f"activation '{attrs.get('activation')}'")
        refuse_unless(bool(attrs.get("use_noise")), where, "layers without noise inputs")
    refuse_unless(attrs.get("conv_clamp") == conv_clamp, where,
                   f"a layer clamp {attrs.get('conv_clamp')} other than the generator's conv_clamp {conv_clamp}")
    affine = child(layer, "affine", where)
    out = {"conv.weight": tensor(layer.params, "weight", where)[None],
           "conv.modulation.weight": tensor(affine.params, "weight", f"{where}.affine"),
           "conv.modulation.bias": tensor(affine.params, "bias", f"{where}.affine")}
    bias = tensor(layer.params, "bias", where)
    if layer.class_name == "ToRGBLayer":
        out["bias"] = bias.reshape(1, -1, 1, 1)
    else:
        out["noise.weight"] = tensor(layer.params, "noise_strength", where).reshape(1)
        out["activate.bias"] = bias
    return out


def _check_filter(module: PersistentModule, where: str) -> None:
    f = module.buffers.get("resample_filter")
    if f is not None and not torch.allclose(f.float(), blur_kernel_tensor(1.0), rtol=0, atol=1e-7):
        raise ExportError(f"{where}: not supported: a resample_filter other than [1, 3, 3, 1]")


def to_our_state(g: PersistentModule, cfg: dict, where: str):
    """Our StyleGAN2Generator's state dict from G_ema, the channels per resolution, and w_avg."""
    state, w_avg = nvidia_pkl.mapping_state(g, cfg, where)
    channels, noises = {}, []
    synthesis = child(g, "synthesis", where)
    log_size = cfg["size"].bit_length() - 1
    refuse_unless(cfg["size"] == 2 ** log_size and log_size >= 2, where, f"img_resolution {cfg['size']}")
    for i in range(2, log_size + 1):
        res = 2 ** i
        name = f"b{res}"
        block = child(synthesis, name, f"{where} synthesis")
        at = f"{where} synthesis.{name}"
        refuse_unless(block.attrs.get("architecture", "skip") == "skip", at,
                       f"synthesis architecture '{block.attrs.get('architecture')}' (only 'skip', the official configs' generator)")
        _check_filter(block, at)
        layers = (["conv1"] if res == 4 else ["conv0", "conv1"])
        for j, lname in enumerate(layers):
            layer = child(block, lname, at)
            _check_filter(layer, f"{at}.{lname}")
            ours = "conv1" if res == 4 else f"convs.{2 * (i - 3) + j}"
            state.update({f"{ours}.{k}": v for k, v in _layer(layer, f"{at}.{lname}", cfg["conv_clamp"]).items()})
            noises.append(tensor(layer.buffers, "noise_const", f"{at}.{lname}")[None, None])
        rgb = "to_rgb1" if res == 4 else f"to_rgbs.{i - 3}"
        state.update({f"{rgb}.{k}": v for k, v in _layer(child(block, "torgb", at), f"{at}.torgb", cfg["conv_clamp"]).items()})
        if res == 4:
            state["input.input"] = tensor(block.params, "const", at)[None]
        channels[res] = int(tensor(block.modules["conv1"].params, "weight", at).shape[0])
    for n, noise in enumerate(noises):
        state[f"noises.noise_{n}"] = noise
    return state, channels, w_avg


def build(g: PersistentModule, where: str):
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
    return model.eval(), w_avg, cfg


def export(checkpoint: Path, out: Path, name: str, progress, psi: float = 0.7) -> Path:
    """Exports a StyleGAN2-ADA or (recognised by its Fourier-feature input) a StyleGAN3 snapshot."""
    check_psi(psi)
    progress.step(f"reading {checkpoint} (restricted unpickler: no code from the file is run)")
    g, where = nvidia_pkl.read_generator(checkpoint)
    if nvidia_pkl.is_stylegan3(g, where):
        return stylegan3.export(g, where, out, name, progress, psi, source=Path(checkpoint).name)
    model, w_avg, cfg = build(g, where)
    return write_export(
        model, w_avg, cfg, out, name, progress, psi, source=Path(checkpoint).name,
        description=f"StyleGAN2-ADA generator, {cfg['size']}px, EMA weights (G_ema), noise fixed to the stored noise_const buffers (noise_mode='const').",
        extra={**nvidia_pkl.card_extra(cfg, "NVlabs/stylegan2-ada-pytorch (.pkl)"),
               "noise": "fixed: each layer's noise_const times its noise_strength (noise_mode='const')",
               "conv_clamp": cfg["conv_clamp"], "synthesis_architecture": "skip"})
