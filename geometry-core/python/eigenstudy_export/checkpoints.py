"""Reading public checkpoint containers and checking their layout against our modules."""
import sys
import types
from pathlib import Path
from typing import Dict, Mapping

import torch


class ExportError(Exception):
    """A problem with the user's input; the CLI prints it as one line and exits non-zero."""


class _AttributeBag:
    """Stands in for classes of the training code that pickled objects refer to (e.g. a config)."""

    def __setstate__(self, state):
        if isinstance(state, dict):
            self.__dict__.update(state)

    def get(self, key, default=None):
        return self.__dict__.get(key, default)


class _StandInModule(types.ModuleType):
    """Module placeholder whose every attribute is an attribute-bag class."""

    def __init__(self, name):
        super().__init__(name)
        self.__path__ = []  # lets submodules be imported below it
        self._classes = {}

    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        if attr not in self._classes:
            self._classes[attr] = type(attr, (_AttributeBag,), {"__module__": self.__name__})
        return self._classes[attr]


def load_file(path) -> object:
    """torch.load that tolerates pickled objects of training-code modules we do not have.

    (Debian's torch ignores a custom pickle_module, so missing modules are stood in for in
    sys.modules for the duration of the load, then removed.)
    """
    path = Path(path)
    if not path.is_file():
        raise ExportError(f"checkpoint file not found: {path}")
    added = []
    try:
        for _ in range(20):
            try:
                return torch.load(str(path), map_location="cpu")
            except ModuleNotFoundError as exc:
                if not exc.name or exc.name in sys.modules:
                    raise
                parts = exc.name.split(".")
                for i in range(1, len(parts) + 1):
                    name = ".".join(parts[:i])
                    if name not in sys.modules:
                        sys.modules[name] = _StandInModule(name)
                        added.append(name)
        raise ExportError(f"{path}: refers to too many unknown modules")
    except ExportError:
        raise
    except Exception as exc:  # torch raises many types for a file that is not a checkpoint
        raise ExportError(f"cannot read {path} as a PyTorch checkpoint: {type(exc).__name__}: {exc}") from exc
    finally:
        for name in added:
            sys.modules.pop(name, None)


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
