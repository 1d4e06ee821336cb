"""Writing NVIDIA-style persistence pickles in tests, without NVIDIA's code (StyleGAN2-ADA and StyleGAN3 tests)."""
import pickle
import sys
import types
from collections import OrderedDict

import numpy

from eigenstudy_export.checkpoints import PersistentModule

# NVIDIA's top-level packages: none may be importable, or a test could not show the reader needs none
OFFICIAL_MODULES = ("dnnlib", "torch_utils", "training", "legacy")


def _plain(value):
    """Our EasyDict stand-in is not on the allow-list, so kwargs are written back as plain dicts; NumPy
    scalars (StyleGAN3's layer kwargs hold NumPy booleans) as Python ones."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(v) for v in value)
    return value.item() if isinstance(value, numpy.generic) else value


def relative(actual, expected):
    return float((actual - expected).abs().max() / expected.abs().max())


def dump_with_persistence(obj, path):
    """Pickles `obj` in the persistence format: `Persistent` stands for a network object. A throw-away
    `torch_utils.persistence` module exists only while pickling, so pickle can name the entry point."""
    mod = types.ModuleType("torch_utils.persistence")

    def _reconstruct_persistent_obj(meta):
        raise AssertionError("never called: only named in the file")

    _reconstruct_persistent_obj.__module__ = mod.__name__
    _reconstruct_persistent_obj.__qualname__ = "_reconstruct_persistent_obj"
    mod._reconstruct_persistent_obj = _reconstruct_persistent_obj
    added = [n for n in ("torch_utils", "torch_utils.persistence") if n not in sys.modules]
    for n in added:
        sys.modules[n] = mod if n == mod.__name__ else types.ModuleType(n)
    try:
        Persistent.entry = _reconstruct_persistent_obj
        with open(path, "wb") as f:
            pickle.dump(obj, f)
    finally:
        for n in added:
            del sys.modules[n]


class Persistent:
    entry = None

    def __init__(self, module: PersistentModule, source: str = ""):
        self.module, self.source = module, source

    def __reduce__(self):
        m = self.module
        state = {"_parameters": OrderedDict(m.params), "_buffers": OrderedDict(m.buffers),
                 "_modules": OrderedDict((k, Persistent(v, self.source)) for k, v in m.modules.items()),
                 "_init_args": m.init_args, "_init_kwargs": _plain(m.init_kwargs), **m.attrs}
        meta = dict(type="class", version=6, module_src=self.source, class_name=m.class_name, state=state)
        return (Persistent.entry, (meta,))
