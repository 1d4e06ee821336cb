"""Runs the paper's own exact Hessian (the authors' public GAN-Geometry code, method "BP") on one of
our TorchScript generators, for `geometry-core bench --official DIR`.

Nothing of that code is copied here: DIR is the user's checkout, and this script only imports it.
Only `core/GAN_hessian_compute.py` and the modules it imports are loaded: the package's
`__init__.py` also pulls plotting and analysis tools that the BP method never uses, so the `core`
package is registered without running it. Third-party modules those files import at the top but BP
never calls (an IPython notebook helper, scikit-learn's CCA, the Lanczos solvers' scipy and
hessian_eigenthings, PIL) are replaced by stand-ins only when they are not installed; the stand-ins
used are reported, and calling one fails loudly.

Distance: the mean over C·H·W of squared pixel differences, the same as the Java engine's `mse`
(org.eigenstudy.geometry.distance.PixelMse), so both compute the Hessian of the same function.
Writes hessians.npy (float64 [P, n, n]) and timing.json into --out.
"""
import argparse
import importlib
import json
import resource
import sys
import time
import types
from pathlib import Path

import numpy as np
import torch

UNUSED_BY_BP = [
    "IPython", "IPython.display", "sklearn", "sklearn.cross_decomposition", "scipy", "scipy.sparse",
    "scipy.sparse.linalg", "hessian_eigenthings", "hessian_eigenthings.power_iter", "PIL", "PIL.Image",
]


class _StandIn(types.ModuleType):
    """A module the BP method imports but never uses: any attribute is a callable that refuses."""

    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        name = f"{self.__name__}.{attr}"
        if attr == "clear_output":  # a notebook's progress redraw: a no-op outside a notebook
            return lambda *a, **k: None

        def refuse(*args, **kwargs):
            raise RuntimeError(f"{name} is not installed; the BP method should not need it")
        return type(attr, (), {"__init__": refuse, "__call__": refuse}) if attr[:1].isupper() else refuse


def stand_ins():
    used = []
    for name in UNUSED_BY_BP:
        try:
            importlib.import_module(name)
        except ImportError:
            sys.modules[name] = _StandIn(name)
            used.append(name)
    return used


def official_hessian_compute(checkout):
    core_dir = Path(checkout) / "core"
    if not (core_dir / "GAN_hessian_compute.py").is_file():
        raise SystemExit(f"{checkout}: not a GAN-Geometry checkout (no core/GAN_hessian_compute.py)")
    package = types.ModuleType("core")
    package.__path__ = [str(core_dir)]
    sys.modules["core"] = package
    return importlib.import_module("core.GAN_hessian_compute").hessian_compute


class Wrapped:
    """The official code's generator interface: `visualize(code) -> image`."""

    def __init__(self, module):
        self.module = module

    def visualize(self, code):
        return self.module(code.reshape(1, -1))


def mse(a, b):
    return ((a - b) ** 2).mean()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--official", required=True)
    p.add_argument("--module", required=True)
    p.add_argument("--codes", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    used = stand_ins()
    hessian_compute = official_hessian_compute(a.official)
    generator = Wrapped(torch.jit.load(a.module, map_location="cpu").eval())
    codes = np.load(a.codes)
    # A first call pays for lazy initialisation, as the Java side's warm-up does.
    warm = time.perf_counter()
    hessian_compute(generator, torch.from_numpy(codes[0]).float(), mse, hessian_method="BP", device="cpu")
    warm = time.perf_counter() - warm
    hessians, seconds = [], []
    for z in codes:
        start = time.perf_counter()
        _, _, h = hessian_compute(generator, torch.from_numpy(z).float(), mse, hessian_method="BP", device="cpu")
        seconds.append(time.perf_counter() - start)
        hessians.append(np.asarray(h, dtype=np.float64))
    out = Path(a.out)
    np.save(out / "hessians.npy", np.stack(hessians))
    (out / "timing.json").write_text(json.dumps({
        "seconds": seconds, "warmup_seconds": warm, "threads": a.threads, "stand_ins": used,
        "torch": torch.__version__, "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }))


if __name__ == "__main__":
    main()
