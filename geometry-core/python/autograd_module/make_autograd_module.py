"""Writes autograd.pt, the TorchScript helper through which geometry-core calls torch.autograd.grad.

DJL's Java API only offers tensor.backward(): it accumulates into every leaf's .grad and always runs
the whole graph. torch.autograd.grad with explicit `inputs` runs only the nodes on paths to those
inputs and returns the gradients instead of accumulating them, which is what the Hessian methods
need (see docs/geometry.md, "Autograd helper"). DJL can run a named method of a TorchScript module,
so this tiny module (no parameters, a few KB) exposes that one call. DJL selects the method by an
extra input array named "module_method:vjp" and runs it with gradients enabled when asked to
(IValueUtils.forward(block, inputs, true)); its runMethod(...) entry point runs without them.

Regenerate (Debian's interpreter has torch) and commit the result:
    /usr/bin/python3 geometry-core/python/autograd_module/make_autograd_module.py
Output: geometry-core/src/main/resources/org/eigenstudy/geometry/hessian/autograd.pt
"""

import pathlib
from typing import List, Optional

import torch
from torch import Tensor

OUT = (
    pathlib.Path(__file__).resolve().parents[2]
    / "src/main/resources/org/eigenstudy/geometry/hessian/autograd.pt"
)


class Autograd(torch.nn.Module):
    def forward(self, x: Tensor) -> Tensor:
        return x

    @torch.jit.export
    def vjp(
        self,
        output: Tensor,
        input: Tensor,
        seed: Tensor,
        flags: Tensor,
    ) -> Tensor:
        """d<output, seed>/d input (zeros when input does not reach output), without touching .grad.

        flags = [retain_graph, create_graph] as 0/1: DJL passes only tensors to a module method.
        """
        retain_graph = bool(flags[0] != 0)
        create_graph = bool(flags[1] != 0)
        seeds: List[Optional[Tensor]] = [seed]
        # create_graph=True records the gradient's graph even when the caller runs this method
        # under a no-grad guard: the autograd engine sets grad mode to create_graph itself.
        grads = torch.autograd.grad(
            [output],
            [input],
            grad_outputs=seeds,
            retain_graph=retain_graph,
            create_graph=create_graph,
            allow_unused=True,
        )
        g = grads[0]
        if g is None:
            return torch.zeros_like(input)
        return g


def main():
    module = torch.jit.script(Autograd())
    OUT.parent.mkdir(parents=True, exist_ok=True)
    module.save(str(OUT))
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, torch {torch.__version__})")


if __name__ == "__main__":
    main()
