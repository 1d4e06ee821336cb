"""Random-weight checkpoints in the public container formats (for tests and the Java fixtures).

Each writer builds our module at a given (usually narrow) configuration, randomises every tensor
with a seeded generator, and saves it the way the public files are laid out.
"""
import json
import sys
import types
from pathlib import Path

import torch

from eigenstudy_export.nets.biggan import BigGAN
from eigenstudy_export.nets.lpips import LPIPS, TRUNKS
from eigenstudy_export.nets.pggan import PGGANGenerator
from eigenstudy_export.nets.stylegan2 import StyleGAN2Generator

NARROW_PGGAN = {"latentVectorDim": 16, "depthScale0": 16, "depthOtherScales": [16, 8]}
NARROW_STYLEGAN2 = {"size": 32, "style_dim": 16, "n_mlp": 2, "channels": {4: 16, 8: 16, 16: 8, 32: 8}}
NARROW_BIGGAN = {
    "output_dim": 16, "z_dim": 8, "class_embed_dim": 8, "channel_width": 4, "num_classes": 10,
    "layers": [[False, 4, 4], [True, 4, 2], [True, 2, 1]], "attention_layer_position": 1, "eps": 1e-4, "n_stats": 51,
}


def randomize(module: torch.nn.Module, seed: int, scale: float = 0.2) -> dict:
    """A state dict with the module's names/shapes and seeded random values (a copy, detached)."""
    gen = torch.Generator().manual_seed(seed)
    state = {}
    for key, tensor in module.state_dict().items():
        state[key] = (torch.randn(tensor.shape, generator=gen) * scale).to(tensor.dtype)
    return state


def _pggan_config_class():
    """A stand-in for the training code's config class, pickled under its original module path."""
    name = "models.utils.config"
    mod = types.ModuleType(name)

    class BaseConfig:
        pass

    BaseConfig.__module__ = name
    BaseConfig.__qualname__ = "BaseConfig"
    mod.BaseConfig = BaseConfig
    return mod, BaseConfig


def write_pggan(path: Path, seed: int = 0, config: dict = None, legacy: bool = True) -> PGGANGenerator:
    cfg = dict(NARROW_PGGAN, **(config or {}))
    model = PGGANGenerator(cfg["latentVectorDim"], cfg["depthScale0"], cfg["depthOtherScales"])
    state = randomize(model, seed)
    model.load_state_dict(state)
    mod, BaseConfig = _pggan_config_class()
    conf = BaseConfig()
    conf.__dict__.update(cfg, alpha=0, categoryVectorDim=0, equalizedlR=True)
    added = [name for name in ("models", "models.utils", "models.utils.config") if name not in sys.modules]
    for name in added:
        sys.modules[name] = mod if name == "models.utils.config" else types.ModuleType(name)
    try:
        container = {"config": conf, "netG": randomize(model, seed + 1), "netD": {}, "avgG": state}
        torch.save(container, str(path), _use_new_zipfile_serialization=not legacy)
    finally:
        for name in added:
            del sys.modules[name]
    return model.eval()


def write_stylegan2(path: Path, seed: int = 0, config: dict = None, with_latent_avg: bool = True) -> StyleGAN2Generator:
    cfg = dict(NARROW_STYLEGAN2, **(config or {}))
    model = StyleGAN2Generator(cfg["size"], cfg["style_dim"], cfg["n_mlp"], channels=cfg["channels"])
    state = randomize(model, seed, scale=0.5)
    for key in state:
        if key.endswith("kernel"):
            state[key] = model.state_dict()[key].clone()  # blur kernels are fixed constants, not weights
        if key.endswith("modulation.bias"):
            state[key] = state[key] + 1.0  # styles near 1, as after training
    model.load_state_dict(state)
    container = {"g_ema": state, "g": randomize(model, seed + 1), "d": {}}
    if with_latent_avg:
        container["latent_avg"] = torch.randn(cfg["style_dim"], generator=torch.Generator().manual_seed(seed + 2))
    torch.save(container, str(path))
    return model.eval()


def write_biggan(folder: Path, seed: int = 0, config: dict = None) -> BigGAN:
    """Writes pytorch_model.bin + config.json into `folder` (legacy serialization, like the 2019 files)."""
    cfg = dict(NARROW_BIGGAN, **(config or {}))
    model = BigGAN(cfg)
    state = randomize(model, seed)
    for key, tensor in state.items():
        if key.endswith("running_vars"):
            state[key] = tensor.abs() + 0.5
    for key in [k for k in state if k.endswith("weight_orig")]:
        # Every weight_u / weight_v is the weight's top singular pair, as in a trained file, whose power
        # iteration has converged. Random unit u, v make u . W v near zero: the normalised weights then
        # blow activations up (to NaN at 256 px), and at 16 px the output tanh saturates, so that every
        # derivative of the generator is zero and a Hessian test would pass whatever it computed.
        head = key[: -len("weight_orig")]
        u, _, vh = torch.linalg.svd(state[key].reshape(state[key].shape[0], -1).double(), full_matrices=False)
        state[head + "weight_u"], state[head + "weight_v"] = u[:, 0].float(), vh[0].float()
    model.load_state_dict(state)
    folder.mkdir(parents=True, exist_ok=True)
    torch.save(state, str(folder / "pytorch_model.bin"), _use_new_zipfile_serialization=False)
    (folder / "config.json").write_text(json.dumps(cfg, sort_keys=True))
    return model.eval()


def write_lpips(folder: Path, trunk: str, seed: int = 0) -> LPIPS:
    """Writes the lin file `<trunk>.pth` and a torchvision-style trunk file `<trunk>_trunk.pth`."""
    model = LPIPS(trunk)
    state = randomize(model, seed, scale=0.1)
    for key in list(state):
        if key.startswith("scaling_layer."):
            state[key] = model.state_dict()[key].clone()
        if key.startswith("lin") and not key.startswith("lins."):
            state[key] = state[key].abs()  # real v0.1 weights are non-negative
    for key in list(state):
        if key.startswith("lins."):
            state[key] = state["lin" + key[len("lins."):]]
    model.load_state_dict(state)
    folder.mkdir(parents=True, exist_ok=True)
    lin = {k: v for k, v in state.items() if k.startswith("lin") and not k.startswith("lins.")}
    torch.save(lin, str(folder / f"{trunk}.pth"), _use_new_zipfile_serialization=False)
    features = {}
    for key, value in state.items():
        if key.startswith("net."):
            _, _, rest = key.split(".", 2)
            features["features." + rest] = value
    features["classifier.1.weight"] = torch.zeros(4, 3)  # the trunk files carry a classifier that LPIPS ignores
    torch.save(features, str(folder / f"{trunk}_trunk.pth"))
    assert trunk in TRUNKS
    return model.eval()
