"""DCGAN-style generator and discriminator for 64x64 RGB (Radford et al. 2016), narrow channels."""
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


class Discriminator(nn.Module):
    """image [B, 3, 64, 64] -> logit [B].

    Spectral normalisation (Miyato et al. 2018) instead of batch norm: with BN the discriminator
    separated this easy data set within a few hundred steps and the generator collapsed.
    """

    def __init__(self, base: int = 32):
        super().__init__()
        sn = nn.utils.spectral_norm
        chans = [base, base * 2, base * 4, base * 8]
        layers = [sn(nn.Conv2d(3, chans[0], 4, 2, 1)), nn.LeakyReLU(0.2, True)]
        for cin, cout in zip(chans[:-1], chans[1:]):
            layers += [sn(nn.Conv2d(cin, cout, 4, 2, 1)), nn.LeakyReLU(0.2, True)]
        layers += [sn(nn.Conv2d(chans[-1], 1, 4, 1, 0))]
        self.net = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).flatten()


class Encoder(nn.Module):
    """image -> (mean, log-variance) of q(z|x); only for the VAE training method."""

    def __init__(self, latent_dim: int = 64, base: int = 16):
        super().__init__()
        chans = [3, base, base * 2, base * 4, base * 8]
        layers = []
        for cin, cout in zip(chans[:-1], chans[1:]):
            layers += [nn.Conv2d(cin, cout, 4, 2, 1), nn.LeakyReLU(0.2, True)]
        self.net = nn.Sequential(*layers)
        self.head = nn.Linear(chans[-1] * 16, 2 * latent_dim)

    def forward(self, x):
        mean, logvar = self.head(self.net(x).flatten(1)).chunk(2, dim=1)
        return mean, logvar
