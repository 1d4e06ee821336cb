"""LPIPS v0.1 lin weights + torchvision trunk -> feature map phi (TorchScript) + feature-map card."""
from pathlib import Path

import torch

from eigenstudy_export import card
from eigenstudy_export.checkpoints import ExportError, check_layout, load_file
from eigenstudy_export.exporters.common import prepare_out, trace_and_save
from eigenstudy_export.nets.lpips import LPIPS, TRUNKS, LPIPSFeatureMap, trunk_key_to_lpips

TRUNK_FILES = {"squeeze": "squeezenet1_1-b8a52dc0.pth", "alex": "alexnet-owt-7be5be79.pth", "vgg": "vgg16-397923af.pth"}


def _state(obj, path):
    if not isinstance(obj, dict):
        raise ExportError(f"{path}: expected a state dict (name -> tensor), found {type(obj).__name__}")
    return obj


def build(trunk: str, lin_path: Path, trunk_path: Path) -> LPIPS:
    if trunk not in TRUNKS:
        raise ExportError(f"unknown LPIPS trunk '{trunk}' (choose one of {sorted(TRUNKS)})")
    model = LPIPS(trunk)
    expected = model.state_dict()
    lin_state = _state(load_file(lin_path), lin_path)
    expected_lin = {k: v for k, v in expected.items() if k.startswith("lin") and not k.startswith("lins.")}
    check_layout(expected_lin, lin_state, str(lin_path))
    trunk_state = _state(load_file(trunk_path), trunk_path)
    features = {k: v for k, v in trunk_state.items() if k.startswith("features.")}
    if not features:
        raise ExportError(f"{trunk_path}: layout mismatch: no 'features.*' keys (expected the torchvision {trunk} state dict)")
    expected_features = {}
    for key, tensor in expected.items():
        if key.startswith("net."):
            _, slice_name, rest = key.split(".", 2)
            expected_features["features." + rest] = tensor
    check_layout(expected_features, features, str(trunk_path))
    state = {trunk_key_to_lpips(trunk, k): v for k, v in features.items()}
    state.update(lin_state)
    state.update({k: v for k, v in expected.items() if k.startswith("scaling_layer.")})
    state.update({f"lins.{k[3:]}": v for k, v in lin_state.items()})
    model.load_state_dict(state, strict=True)
    return model.eval()


def export(trunk: str, lin_path: Path, trunk_path: Path, out: Path, name: str, progress, example_size: int = 64) -> Path:
    out = prepare_out(out)
    progress.step(f"loading {lin_path} and {trunk_path}")
    model = build(trunk, Path(lin_path), Path(trunk_path))
    try:
        phi = LPIPSFeatureMap(model)
    except ValueError as exc:
        raise ExportError(f"{lin_path}: {exc}") from exc
    module = f"lpips_{trunk}.pt"
    example = torch.rand(2, 3, example_size, example_size, generator=torch.Generator().manual_seed(0)) * 2 - 1
    trace_and_save(phi, example, out / module, progress)
    return card.write_feature_map_card(
        out, name=name, trunk=trunk, module=module,
        source=f"exported by eigenstudy_export from {Path(lin_path).name} + {Path(trunk_path).name}",
        extra={"version": "0.1", "distance": "||phi(x) - phi(y)||^2 equals LPIPS(x, y) (spatially averaged)",
               "input_note": "images in [-1, 1]; do not pass [0, 1] images (the original wrappers of the paper did)",
               "feature_dim_depends_on_input_size": True},
    )
