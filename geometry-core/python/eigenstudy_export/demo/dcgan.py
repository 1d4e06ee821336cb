"""DCGAN-style generator for 64x64 RGB (Radford et al. 2016), narrow channels."""
import torch
from torch import nn


class Generator(nn.Module):
    """z [B, latent_dim] -> image [B, 3, 64, 64] in [-1, 1] (tanh)."""

    def __init__(self, latent_dim: int = 64, base: int = 32):
        super().__init__()
        self.latent_dim = latent_dim
        chans = [base * 8, base * 4, base * 2, base]
        layers = [nn.ConvTranspose2d(latent_dim, chans[0], 4, 1, 0, bias=False), nn.BatchNorm2d(chans[0]), nn.ReLU(True)]
        for cin, cout in zip(chans[:-1], chans[1:]):
            layers += [nn.ConvTranspose2d(cin, cout, 4, 2, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(True)]
        layers += [nn.ConvTranspose2d(chans[-1], 3, 4, 2, 1), nn.Tanh()]
        self.net = nn.Sequential(*layers)

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        return self.net(z.reshape(z.shape[0], self.latent_dim, 1, 1))
