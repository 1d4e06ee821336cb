"""StyleGAN3 (NVIDIA's official .pkl, config-t and config-r) -> the same files and card form as StyleGAN2-ADA.

Reached through `export stylegan2-ada` (and its alias `export stylegan3`): the container and the
mapping network are StyleGAN2-ADA's (exporters/nvidia_pkl.py); G_ema.synthesis (SynthesisInput, then
the SynthesisLayers named in its `layer_names`, the last one ToRGB) is renamed into
nets.stylegan3.StyleGAN3Generator. Each layer's geometry (up/down factors, padding, kernel size,
clamp) and its designed filters are read from the pickle, so config-t, config-r and other settings
of the same layer types export alike; a file whose stored sizes do not follow from them is refused.
"""
import math
from pathlib import Path
from typing import Dict, List, Optional

import torch

from eigenstudy_export.checkpoints import ExportError, PersistentModule, load_strict
from eigenstudy_export.exporters import nvidia_pkl
from eigenstudy_export.exporters.nvidia_pkl import child, refuse_unless, tensor
from eigenstudy_export.exporters.stylegan2 import write_export
from eigenstudy_export.nets.stylegan3 import AliasFreeLayer, FourierInput, StyleGAN3Generator

UPSTREAM = "NVlabs/stylegan3 (.pkl)"


def _affine(layer: PersistentModule, at: str) -> Dict[str, torch.Tensor]:
    """A style affine (FullyConnectedLayer) as our EqualLinear's tensors; only the learning-rate
    multiplier 1 of the official layers (weight gain 1/sqrt(in), bias gain 1) is accepted."""
    affine = child(layer, "affine", at)
    weight = tensor(affine.params, "weight", f"{at}.affine")
    a = affine.attrs
    refuse_unless(a.get("activation", "linear") == "linear", f"{at}.affine", f"activation '{a.get('activation')}'")
    gains = (float(a.get("weight_gain", 1 / math.sqrt(weight.shape[1]))), float(a.get("bias_gain", 1)))
    refuse_unless(math.isclose(gains[0], 1 / math.sqrt(weight.shape[1]), rel_tol=1e-6) and gains[1] == 1,
                  f"{at}.affine", f"affine gains {gains} (a learning-rate multiplier other than 1)")
    return {"affine.weight": weight, "affine.bias": tensor(affine.params, "bias", f"{at}.affine")}


def _filter(layer: PersistentModule, name: str, at: str, radial_ok: bool) -> Optional[torch.Tensor]:
    f = layer.buffers.get(name)
    if f is None:
        return None  # one tap: the identity
    shape = list(f.shape)
    ok = len(shape) == 1 or (radial_ok and len(shape) == 2 and shape[0] == shape[1])
    refuse_unless(ok, at, f"a {name} of shape {shape} (expected 1-D taps{' or a square 2-D filter' if radial_ok else ''})")
    return f.detach().float()


def _output_size(in_size: int, kernel: int, up: int, down: int, pad0: int, pad1: int, taps_up: int, taps_down: int) -> int:
    """Side of a layer's output: the full convolution grows the input by kernel - 1, then the filtered
    leaky ReLU's upsample, pad, valid filters and downsample."""
    return ((in_size + kernel - 1) * up + pad0 + pad1 - (taps_up - 1) - (taps_down - 1) + down - 1) // down


def _layer(layer: PersistentModule, at: str, w_dim: int, is_last: bool, in_size: int):
    """Our AliasFreeLayer for one SynthesisLayer, its tensors, and its output size."""
    a = layer.attrs
    refuse_unless(layer.class_name == "SynthesisLayer", at, f"a '{layer.class_name}' in the synthesis layers")
    refuse_unless(bool(a.get("is_torgb")) == is_last, at, "a ToRGB layer other than the last one")
    weight = tensor(layer.params, "weight", at)
    cout, cin, k, k2 = weight.shape
    try:
        up, down, padding = int(a["up_factor"]), int(a["down_factor"]), [int(p) for p in a["padding"]]
        out_size = [int(s) for s in a["out_size"]]
        clamp = None if a.get("conv_clamp") is None else float(a["conv_clamp"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ExportError(f"{at}: layout mismatch: attribute {exc} missing or malformed") from exc
    refuse_unless(k == k2 == int(a.get("conv_kernel", k)), at, f"a {k}x{k2} convolution with conv_kernel {a.get('conv_kernel')}")
    fu = _filter(layer, "up_filter", at, radial_ok=False)
    fd = _filter(layer, "down_filter", at, radial_ok=True)
    taps_up, taps_down = (1 if f is None else f.shape[0] for f in (fu, fd))
    sizes = [_output_size(in_size, k, up, down, padding[2 * i], padding[2 * i + 1], taps_up, taps_down) for i in (0, 1)]
    if sizes != out_size:
        raise ExportError(f"{at}: layout mismatch: output size {sizes} from the stored factors, padding and filters, "
                          f"but out_size is {out_size}")
    ours = AliasFreeLayer(w_dim, cin, cout, k, bool(a.get("is_torgb")), up, down, padding, fu, fd, clamp)
    state = {"weight": weight, "bias": tensor(layer.params, "bias", at), **_affine(layer, at),
             "magnitude_ema": tensor(layer.buffers, "magnitude_ema", at).reshape([]),
             "up_filter": ours.up_filter, "down_filter": ours.down_filter}
    return ours, state, sizes[0]


def _input(synthesis: PersistentModule, where: str, w_dim: int):
    at = f"{where} synthesis.input"
    inp = child(synthesis, "input", f"{where} synthesis")
    refuse_unless(inp.class_name == "SynthesisInput", at, f"a '{inp.class_name}' as the synthesis input")
    a = inp.attrs
    try:
        size = [int(s) for s in a["size"]] if hasattr(a["size"], "__len__") else [int(a["size"])] * 2
        channels, rate, bandwidth = int(a["channels"]), float(a["sampling_rate"]), float(a["bandwidth"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ExportError(f"{at}: layout mismatch: attribute {exc} missing or malformed") from exc
    refuse_unless(size[0] == size[1], at, f"a non-square input of {size}")
    ours = FourierInput(w_dim, channels, size[0], rate, bandwidth)
    state = {"weight": tensor(inp.params, "weight", at), **_affine(inp, at),
             **{name: tensor(inp.buffers, name, at) for name in ("transform", "freqs", "phases")}}
    return ours, state, size[0]


def config_name(layers: List[AliasFreeLayer]) -> str:
    """stylegan3-t (3x3 convolutions, separable filters) or stylegan3-r (1x1, radial downsampling filters)."""
    inner = layers[:-1]
    if all(l.kernel == 3 for l in inner) and not any(l.down_radial for l in inner):
        return "stylegan3-t"
    if all(l.kernel == 1 for l in inner) and any(l.down_radial for l in inner):
        return "stylegan3-r"
    return "stylegan3 (custom)"


def build(g: PersistentModule, where: str):
    """Our StyleGAN3Generator with G_ema's tensors, w_avg and the config facts."""
    cfg = nvidia_pkl.read_config(g, where)
    state, w_avg = nvidia_pkl.mapping_state(g, cfg, where)
    synthesis = child(g, "synthesis", where)
    names = list(synthesis.attrs.get("layer_names") or [])
    refuse_unless(len(names) >= 1, f"{where} synthesis", "a synthesis network without layer_names")
    synthesis_input, input_state, size = _input(synthesis, where, cfg["style_dim"])
    state.update({f"input.{k}": v for k, v in input_state.items()})
    layers, channels = [], {"input": synthesis_input.channels}
    for i, name in enumerate(names):
        layer, layer_state, size = _layer(child(synthesis, name, f"{where} synthesis"), f"{where} synthesis.{name}",
                                          cfg["style_dim"], i == len(names) - 1, size)
        layers.append(layer)
        state.update({f"layers.{i}.{k}": v for k, v in layer_state.items()})
        channels[name] = int(layer.weight.shape[0])
    refuse_unless(size == cfg["size"], f"{where} synthesis", f"an output of {size} px for img_resolution {cfg['size']}")
    model = StyleGAN3Generator(cfg["style_dim"], cfg["n_mlp"], cfg["lr_mlp"], cfg["size"], synthesis_input, layers,
                               float(synthesis.attrs.get("output_scale", 1.0)))
    num_ws = synthesis.attrs.get("num_ws")
    refuse_unless(num_ws is None or int(num_ws) == model.n_latent, f"{where} synthesis",
                  f"num_ws {num_ws} for {len(names)} layers (expected layers + 1 with the input)")
    load_strict(model, state, f"{where} (renamed to our layout)")
    clamps = sorted({layer.clamp for layer in layers}, key=str)  # one value in the official configs
    cfg.update(channels=channels, config=config_name(layers), layer_names=names,
               conv_clamp=clamps[0] if len(clamps) == 1 else clamps, output_scale=model.output_scale,
               input_transform=synthesis_input.transform.tolist())
    return model.eval(), w_avg, cfg


def export(g: PersistentModule, where: str, out: Path, name: str, progress, psi: float, *, source: str) -> Path:
    model, w_avg, cfg = build(g, where)
    return write_export(
        model, w_avg, cfg, out, name, progress, psi, source=source, architecture="stylegan3",
        channels={"channels": cfg["channels"]},
        description=f"StyleGAN3 generator ({cfg['config']}), {cfg['size']}px, EMA weights (G_ema); it has no noise inputs.",
        extra={**nvidia_pkl.card_extra(cfg, UPSTREAM), "config": cfg["config"],
               "noise": "none (StyleGAN3 has no noise inputs)", "conv_clamp": cfg["conv_clamp"],
               "output_scale": cfg["output_scale"], "input_transform": cfg["input_transform"],
               "synthesis_layers": cfg["layer_names"],
               "wplus_order": "w 0 drives the Fourier-feature input, w 1 + i the synthesis layer i (the last is ToRGB)"})
