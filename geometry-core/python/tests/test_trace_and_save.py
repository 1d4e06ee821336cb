"""trace_and_save refuses a traced file that differs from eager mode at another batch size."""
from typing import Tuple

import pytest
import torch

from eigenstudy_export.checkpoints import ExportError
from eigenstudy_export.exporters.common import trace_and_save
from eigenstudy_export.progress import Progress


class Linear(torch.nn.Module):
    def __init__(self, bake_batch: bool = False, bake_tangents: bool = False):
        super().__init__()
        self.weight = torch.nn.Parameter(torch.randn(3, 4, generator=torch.Generator().manual_seed(0)))
        self.bake_batch, self.bake_tangents = bake_batch, bake_tangents

    def forward(self, z):
        # int() turns the traced size into a constant: the file then only works at the example's batch.
        rows = int(z.shape[0]) if self.bake_batch else z.shape[0]
        return torch.tanh(z @ self.weight.t()).reshape(rows, 3, 1, 1)

    def jvp(self, z, v) -> Tuple[torch.Tensor, torch.Tensor]:
        y = self.forward(z)
        k = int(v.shape[0]) if self.bake_tangents else v.shape[0]
        t = (v @ self.weight.t()).reshape(k, 3, 1, 1) * (1 - y * y)
        return y, t.expand(2, -1, -1, -1) if self.bake_tangents else t


def test_a_faithful_trace_with_jvp_is_saved(tmp_path):
    example = torch.randn(2, 4)
    trace_and_save(Linear(), example, tmp_path / "ok.pt", Progress(quiet=True), jvp=True)
    loaded = torch.jit.load(str(tmp_path / "ok.pt"))
    v = torch.randn(5, 4)
    torch.testing.assert_close(loaded.jvp(example[:1], v)[1], Linear().jvp(example[:1], v)[1])


@pytest.mark.parametrize("bake", ["batch", "tangents"])
def test_a_baked_size_is_refused(tmp_path, bake):
    module = Linear(bake_batch=bake == "batch", bake_tangents=bake == "tangents")
    with pytest.raises((ExportError, RuntimeError)):
        trace_and_save(module, torch.randn(2, 4), tmp_path / "bad.pt", Progress(quiet=True), jvp=True)
