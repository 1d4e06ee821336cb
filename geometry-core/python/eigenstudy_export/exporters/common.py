"""Tracing and verification shared by the exporters."""
from pathlib import Path

import torch

from eigenstudy_export.checkpoints import ExportError
from eigenstudy_export.progress import Progress


def trace_and_save(module: torch.nn.Module, example: torch.Tensor, path: Path, progress: Progress,
                   probe: torch.Tensor = None, eager: torch.Tensor = None, jvp: bool = False) -> float:
    """Traces `module`, saves it and checks the reloaded file against eager mode on a different batch size.

    Returns the largest absolute difference. The check uses another batch size than the trace so a
    batch size baked into the trace would be caught here, not in geometry-core. `probe` (default: one
    row of other values than the example's, or two when the example has one row) must have another
    batch size than `example`; `eager`, when given, is module(probe) already computed (a large
    generator's forward pass is the slow part of an export, and two modules that compute the same
    function can share it). `jvp`: the module also has a forward-mode method
    jvp(z [1, dim], v [K, dim]) -> (G(z), dG(z) v); it is traced with K = 2 as a second method of the
    same file and checked with K = 1 at the probe's first code.
    """
    if probe is None:
        probe = example[:1] * 0.5 if example.shape[0] > 1 else torch.cat([example, example * 0.5], dim=0)
    if probe.shape[0] == example.shape[0]:
        raise ValueError("the probe must have another batch size than the traced example")
    module.eval()
    for p in module.parameters():
        p.requires_grad_(False)
    progress.step(f"tracing {path.name}")
    with torch.no_grad():
        if jvp:
            tangents = torch.randn(2, *example.shape[1:], generator=torch.Generator().manual_seed(1))
            traced = torch.jit.trace_module(module, {"forward": example, "jvp": (example[:1], tangents)}, check_trace=False)
        else:
            traced = torch.jit.trace(module, example, check_trace=False)
    traced.save(str(path))
    progress.step(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB); verifying against eager mode")
    loaded = torch.jit.load(str(path))
    with torch.no_grad():
        if eager is None:
            eager = module(probe)
        diff = _difference(eager, loaded(probe), path, "output")
    progress.step(f"{path.name}: TorchScript matches eager (max |diff| {diff:.2e})")
    if jvp:
        tangent = torch.randn(1, *example.shape[1:], generator=torch.Generator().manual_seed(2))
        with torch.no_grad():
            for name, a, b in zip(("jvp image", "jvp tangent"), module.jvp(probe[:1], tangent), loaded.jvp(probe[:1], tangent)):
                _difference(a, b, path, name)
        progress.step(f"{path.name}: TorchScript jvp matches eager")
    return diff


def _difference(eager: torch.Tensor, saved: torch.Tensor, path: Path, what: str) -> float:
    """Largest |eager - saved|; an ExportError when the shapes differ or it exceeds 1e-5 of the scale."""
    if eager.shape != saved.shape:
        raise ExportError(f"{path.name}: TorchScript {what} has shape {list(saved.shape)}, eager {list(eager.shape)}")
    diff = float((eager - saved).abs().max())
    if not diff <= 1e-5 * max(1.0, float(eager.abs().max())):
        raise ExportError(f"{path.name}: TorchScript {what} differs from eager by {diff:g}")
    return diff


def prepare_out(out: Path) -> Path:
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise ExportError(f"--out {out} exists and is not a directory")
    out.mkdir(parents=True, exist_ok=True)
    return out
