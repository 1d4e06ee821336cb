"""Tracing and verification shared by the exporters."""
from pathlib import Path

import torch

from eigenstudy_export.checkpoints import ExportError
from eigenstudy_export.progress import Progress


def trace_and_save(module: torch.nn.Module, example: torch.Tensor, path: Path, progress: Progress,
                   probe: torch.Tensor = None, eager: torch.Tensor = None, jvp: bool = False) -> float:
    """Traces `module`, saves it and checks the reloaded file against eager mode on a different batch size.

    Returns the largest absolute difference. The check uses another batch size than the trace so a
    batch size baked into the trace would be caught here, not in geometry-core. `probe` (default: the
    example plus one more row) must have another batch size than `example`; `eager`, when given, is
    module(probe) already computed (a large generator's forward pass is the slow part of an export,
    and two modules that compute the same function can share it). `jvp`: the module also has a
    forward-mode method jvp(z [1, dim], v [K, dim]) -> (G(z), dG(z) v); it is traced as a second
    method of the same file and checked like forward, with another K than the trace's.
    """
    if probe is None:
        probe = torch.cat([example, example[:1] * 0.5], dim=0)
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
    with torch.no_grad():
        if eager is None:
            eager = module(probe)
        loaded = torch.jit.load(str(path))(probe)
    diff = float((eager - loaded).abs().max())
    scale = float(eager.abs().max()) + 1e-12
    if not diff <= 1e-5 * max(1.0, scale):
        raise ExportError(f"{path.name}: TorchScript output differs from eager output by {diff:g}")
    progress.step(f"{path.name}: TorchScript matches eager (max |diff| {diff:.2e})")
    if jvp:
        _check_jvp(module, torch.jit.load(str(path)), probe, path)
    return diff


def _check_jvp(module: torch.nn.Module, loaded, probe: torch.Tensor, path: Path) -> None:
    """The saved jvp method against eager mode's, at the probe's first code with 3 tangents."""
    z, tangents = probe[:1], probe[-3:] if probe.shape[0] >= 3 else torch.cat([probe, probe])[:3]
    with torch.no_grad():
        for eager, saved in zip(module.jvp(z, tangents), loaded.jvp(z, tangents)):
            diff = float((eager - saved).abs().max())
            if not diff <= 1e-5 * max(1.0, float(eager.abs().max())):
                raise ExportError(f"{path.name}: TorchScript jvp differs from eager jvp by {diff:g}")


def prepare_out(out: Path) -> Path:
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise ExportError(f"--out {out} exists and is not a directory")
    out.mkdir(parents=True, exist_ok=True)
    return out
