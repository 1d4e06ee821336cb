"""Exports the demo generator's first block as a features module, so GANSpace can run in its z space.

GANSpace (Härkönen et al. 2020) finds directions for generators without a W space by PCA of an early
layer's activations for sampled z, regressed back to z. TorchScript hides the generator's layers from
Java, so the layer is exported as a module of its own: features_z.pt maps z [B, 64] to the flattened
output of the first ConvTranspose + BatchNorm + ReLU block [B, 128 * 4 * 4], with the weights read from
the committed generator_z.pt (which is left untouched). The card names it as spaces[0].features and
records its SHA-256; every other field of the card keeps its value.

    cd geometry-core/python && /usr/bin/python3 -m eigenstudy_export.demo.features --out ../models/demo
"""
import argparse
import json
from pathlib import Path

import torch
from torch import nn

from eigenstudy_export import card
from eigenstudy_export.demo import dcgan

FEATURES_FILE = "features_z.pt"
# net[0..2] of dcgan.Generator: the first ConvTranspose2d, its BatchNorm and ReLU.
FIRST_BLOCK = 3


class FirstBlock(nn.Module):
    """z -> the first block's activations, flattened per code (GANSpace's PCA wants vectors)."""

    def __init__(self, generator: dcgan.Generator):
        super().__init__()
        self.latent_dim = generator.latent_dim
        self.block = generator.net[:FIRST_BLOCK]

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        return self.block(z.reshape(z.shape[0], self.latent_dim, 1, 1)).flatten(1)


def eager_generator(folder: Path) -> dcgan.Generator:
    """The generator rebuilt from the committed TorchScript weights (eval mode: frozen BatchNorm)."""
    data = json.loads((folder / "model-card.json").read_text())
    space = data["spaces"][0]
    scripted = torch.jit.load(str(folder / space["module"]))
    g = dcgan.Generator(space["dim"], data["extra"]["base_channels"])
    g.load_state_dict(scripted.state_dict())
    return g.eval()


def export(folder: Path) -> Path:
    folder = Path(folder)
    g = eager_generator(folder)
    block = FirstBlock(g).eval()
    traced = torch.jit.trace(block, torch.randn(2, g.latent_dim))
    traced.save(str(folder / FEATURES_FILE))
    path = folder / "model-card.json"
    data = json.loads(path.read_text())
    data["spaces"][0]["features"] = FEATURES_FILE
    data["files"][FEATURES_FILE] = {"sha256": card.sha256_of(folder / FEATURES_FILE)}
    data["files"] = dict(sorted(data["files"].items()))
    path.write_text(json.dumps(data, indent=2) + "\n")
    return folder / FEATURES_FILE


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="the demo model folder (model-card.json, generator_z.pt)")
    args = parser.parse_args(argv)
    print(f"wrote {export(args.out)}")


if __name__ == "__main__":
    main()
