"""Reading public checkpoint containers and checking their layout against our modules."""
import io
import pickle
from collections import OrderedDict
from pathlib import Path
from typing import Dict, Mapping

import numpy
import torch
from torch import serialization


class ExportError(Exception):
    """A problem with the user's input; the CLI prints it as one line and exits non-zero."""


class AttributeBag:
    """What a pickled plain-attribute object of training code becomes (PGGAN's config, argparse args)."""

    def __setstate__(self, state):
        if isinstance(state, dict):
            self.__dict__.update(state)

    def get(self, key, default=None):
        return self.__dict__.get(key, default)


class AttrDict(dict):
    """What NVIDIA's `dnnlib.EasyDict` (a dict with attribute access) becomes; only its items matter."""

    def __setstate__(self, state):
        pass  # EasyDict keeps nothing outside its items


class PersistentModule:
    """What an object of NVIDIA's `torch_utils.persistence` becomes: its tensors, submodules, constructor
    arguments and plain attributes, and the name of its class. Its pickled source code is never run.

    The official pickles store each network as `_reconstruct_persistent_obj(meta)`, where meta holds the
    module's source text, the class name and the object's `__dict__` (`_parameters`, `_buffers`,
    `_modules`, `_init_args`, `_init_kwargs`, ...); the real entry point execs that source.
    """

    def __init__(self, meta):
        if not isinstance(meta, dict) or meta.get("type") != "class" or not isinstance(meta.get("state"), dict):
            raise ExportError("a persistent object without the expected class metadata")
        state = meta["state"]
        self.class_name = str(meta.get("class_name"))
        self.version = meta.get("version")
        self.params = dict(state.get("_parameters") or {})
        self.buffers = dict(state.get("_buffers") or {})
        self.modules = dict(state.get("_modules") or {})
        self.init_args = tuple(state.get("_init_args") or ())
        self.init_kwargs = dict(state.get("_init_kwargs") or {})
        self.attrs = {k: v for k, v in state.items() if not k.startswith("_")}

    def state_dict(self, prefix: str = "") -> Dict[str, torch.Tensor]:
        """Parameters and buffers under dotted names, in torch's order (own tensors, then submodules)."""
        out = {}
        for table in (self.params, self.buffers):
            for key, tensor in table.items():
                if tensor is not None:
                    out[prefix + key] = tensor
        for key, child in self.modules.items():
            if isinstance(child, PersistentModule):
                out.update(child.state_dict(f"{prefix}{key}."))
        return out


def _rebuild_persistent(meta):
    return PersistentModule(meta)


def _storage_from_bytes(data):
    # A storage inside a plain pickle (the official .pkl files) is a whole legacy torch.save stream;
    # it is read with the same restrictions as the outer file.
    return _load_stream(io.BytesIO(data))


_TORCH_REBUILD = ("_rebuild_tensor", "_rebuild_tensor_v2", "_rebuild_parameter")
_ALLOWED = {
    ("collections", "OrderedDict"): OrderedDict,
    ("torch", "Size"): torch.Size,
    ("torch.storage", "_load_from_bytes"): _storage_from_bytes,
    ("torch_utils.persistence", "_reconstruct_persistent_obj"): _rebuild_persistent,
    ("dnnlib.util", "EasyDict"): AttrDict,
    ("models.utils.config", "BaseConfig"): AttributeBag,  # PGGAN's config
    ("argparse", "Namespace"): AttributeBag,  # rosinality training checkpoints' 'args'
    **{("torch._utils", name): getattr(torch._utils, name) for name in _TORCH_REBUILD},
    # The official networks keep gains as NumPy scalars (np.sqrt(2)): a dtype plus raw bytes.
    ("numpy", "dtype"): numpy.dtype,
    ("numpy", "ndarray"): numpy.ndarray,
    **{(core, name): getattr(numpy.core.multiarray, name)
       for core in ("numpy.core.multiarray", "numpy._core.multiarray") for name in ("scalar", "_reconstruct")},
}


def _allowed(module: str, name: str):
    found = _ALLOWED.get((module, name))
    if found is not None:
        return found
    if module == "torch":
        # dtypes and storage classes are data descriptions; nothing else from torch is.
        attr = getattr(torch, name, None)
        if isinstance(attr, torch.dtype) or (name.endswith("Storage") and isinstance(attr, type)):
            return attr
    return None


class RestrictedUnpickler(pickle.Unpickler):
    """Unpickler that imports nothing: each global a file names must be on a fixed allow-list of tensor
    rebuild functions and plain containers, so no code from the file (or reachable from it) runs."""

    def find_class(self, module, name):
        found = _allowed(module, name)
        if found is None:
            raise ExportError(f"refusing to unpickle '{module}.{name}': it is not a tensor, container or known "
                              "checkpoint class, and code from a checkpoint is never run")
        return found


class _RestrictedPickleModule:
    """The `pickle_module` torch's own file-format readers call (they subclass its Unpickler)."""

    Unpickler = RestrictedUnpickler

    @staticmethod
    def load(f, **kwargs):
        return RestrictedUnpickler(f, **kwargs).load()


def _load_stream(f) -> object:
    """Reads torch.save zip or legacy files, or plain pickles, through RestrictedUnpickler only.

    torch.load is not used: Debian's torch 1.13 replaces any `pickle_module` passed to it by the
    standard one, which would import whatever a file names. Its zip and legacy readers are called
    directly with the restricted module instead.
    """
    if serialization._is_zipfile(f):
        with serialization._open_zipfile_reader(f) as archive:
            if serialization._is_torchscript_zip(archive):
                raise ExportError("is a TorchScript archive, not a checkpoint")
            return serialization._load(archive, "cpu", _RestrictedPickleModule, encoding="utf-8")
    start = f.tell()
    first = _RestrictedPickleModule.load(f, encoding="utf-8")
    if first != serialization.MAGIC_NUMBER:
        return first  # a plain pickle (NVIDIA's .pkl): the first object is the whole content
    f.seek(start)
    return serialization._legacy_load(f, "cpu", _RestrictedPickleModule, encoding="utf-8")


def load_file(path) -> object:
    """Reads a checkpoint of any of the public container formats without running code from it."""
    path = Path(path)
    if not path.is_file():
        raise ExportError(f"checkpoint file not found: {path}")
    try:
        with open(path, "rb") as f:
            return _load_stream(f)
    except ExportError as exc:
        raise ExportError(f"{path}: {exc}") from exc
    except Exception as exc:  # torch and pickle raise many types for a file that is not a checkpoint
        raise ExportError(f"cannot read {path} as a PyTorch checkpoint: {type(exc).__name__}: {exc}") from exc


def require_key(container: object, key: str, path) -> object:
    if not isinstance(container, Mapping) or key not in container:
        found = sorted(container.keys()) if isinstance(container, Mapping) else type(container).__name__
        raise ExportError(f"{path}: expected a dict with key '{key}', found {found}")
    return container[key]


def check_layout(expected: Mapping[str, torch.Tensor], actual: Mapping[str, torch.Tensor], where: str) -> None:
    """Raises ExportError naming the first key (in the expected order) whose presence or shape differs."""
    for key, tensor in expected.items():
        if key not in actual:
            raise ExportError(f"{where}: layout mismatch: missing key '{key}' (expected shape {list(tensor.shape)})")
        got = actual[key]
        if not torch.is_tensor(got):
            raise ExportError(f"{where}: layout mismatch: key '{key}' is a {type(got).__name__}, expected a tensor of shape {list(tensor.shape)}")
        if list(got.shape) != list(tensor.shape):
            raise ExportError(f"{where}: layout mismatch: key '{key}' has shape {list(got.shape)}, expected {list(tensor.shape)}")
    for key, got in actual.items():
        if key not in expected:
            shape = list(got.shape) if torch.is_tensor(got) else type(got).__name__
            raise ExportError(f"{where}: layout mismatch: unexpected key '{key}' (shape {shape})")


def load_strict(module: torch.nn.Module, state: Dict[str, torch.Tensor], where: str) -> None:
    check_layout(module.state_dict(), state, where)
    module.load_state_dict(state, strict=True)
