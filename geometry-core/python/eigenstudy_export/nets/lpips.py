"""LPIPS v0.1 (Zhang et al. 2018) as a feature map.

LPIPS(x, y) = sum_k mean_{h,w} sum_c w_kc (f̂_k(x) - f̂_k(y))^2 with f̂ the channel-normalised trunk
activations and w_kc >= 0 the learned lin weights. Hence phi(x) = concat_k sqrt(w_kc / (H_k W_k)) f̂_k(x)
satisfies ||phi(x) - phi(y)||^2 = LPIPS(x, y) exactly, which is what the Hessian code needs
(H = 2 J^T J). Inputs are images in [-1, 1], as the LPIPS weights were trained.
"""
from collections import OrderedDict
from typing import List

import torch
import torch.nn.functional as F
from torch import nn

SHIFT = (-0.030, -0.088, -0.188)
SCALE = (0.458, 0.448, 0.450)


class ScalingLayer(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("shift", torch.tensor(SHIFT).view(1, 3, 1, 1))
        self.register_buffer("scale", torch.tensor(SCALE).view(1, 3, 1, 1))

    def forward(self, x):
        return (x - self.shift) / self.scale


class Fire(nn.Module):
    def __init__(self, cin: int, squeeze: int, expand: int):
        super().__init__()
        self.squeeze = nn.Conv2d(cin, squeeze, 1)
        self.expand1x1 = nn.Conv2d(squeeze, expand, 1)
        self.expand3x3 = nn.Conv2d(squeeze, expand, 3, padding=1)

    def forward(self, x):
        s = F.relu(self.squeeze(x))
        return torch.cat([F.relu(self.expand1x1(s)), F.relu(self.expand3x3(s))], dim=1)


def _relu():
    return nn.ReLU(inplace=False)


def _squeeze_features():
    pool = lambda: nn.MaxPool2d(3, 2, ceil_mode=True)  # noqa: E731
    return [
        nn.Conv2d(3, 64, 3, stride=2), _relu(), pool(), Fire(64, 16, 64), Fire(128, 16, 64), pool(),
        Fire(128, 32, 128), Fire(256, 32, 128), pool(), Fire(256, 48, 192), Fire(384, 48, 192),
        Fire(384, 64, 256), Fire(512, 64, 256),
    ]


def _alex_features():
    return [
        nn.Conv2d(3, 64, 11, stride=4, padding=2), _relu(), nn.MaxPool2d(3, 2), nn.Conv2d(64, 192, 5, padding=2), _relu(),
        nn.MaxPool2d(3, 2), nn.Conv2d(192, 384, 3, padding=1), _relu(), nn.Conv2d(384, 256, 3, padding=1), _relu(),
        nn.Conv2d(256, 256, 3, padding=1), _relu(),
    ]


def _vgg_features():
    layers, cin = [], 3
    for block, (cout, convs) in enumerate([(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)]):
        if block:
            layers.append(nn.MaxPool2d(2, 2))
        for _ in range(convs):
            layers += [nn.Conv2d(cin, cout, 3, padding=1), _relu()]
            cin = cout
    return layers


# trunk -> (feature builder, exclusive end index of each tap slice, channels per tap)
TRUNKS = {
    "squeeze": (_squeeze_features, [2, 5, 8, 10, 11, 12, 13], [64, 128, 256, 384, 384, 512, 512]),
    "alex": (_alex_features, [2, 5, 8, 10, 12], [64, 192, 384, 256, 256]),
    "vgg": (_vgg_features, [4, 9, 16, 23, 30], [64, 128, 256, 512, 512]),
}


class Trunk(nn.Module):
    """Feature slices named sliceK with the torchvision `features` indices as child names."""

    def __init__(self, trunk: str):
        super().__init__()
        build, ends, _ = TRUNKS[trunk]
        layers = build()
        start = 0
        self.n_slices = len(ends)
        for k, end in enumerate(ends, start=1):
            self.add_module(f"slice{k}", nn.Sequential(OrderedDict((str(i), layers[i]) for i in range(start, end))))
            start = end

    def forward(self, x) -> List[torch.Tensor]:
        taps = []
        for k in range(1, self.n_slices + 1):
            x = getattr(self, f"slice{k}")(x)
            taps.append(x)
        return taps


class NetLinLayer(nn.Module):
    def __init__(self, channels: int):
        super().__init__()
        self.model = nn.Sequential(nn.Dropout(), nn.Conv2d(channels, 1, 1, bias=False))


def normalize_channels(f: torch.Tensor) -> torch.Tensor:
    return f / (torch.sqrt(torch.sum(f * f, dim=1, keepdim=True)) + 1e-10)


class LPIPS(nn.Module):
    """State-dict layout of lpips.LPIPS(version='0.1'); forward(x, y) is the distance [B]."""

    def __init__(self, trunk: str = "squeeze"):
        super().__init__()
        self.trunk = trunk
        self.scaling_layer = ScalingLayer()
        self.net = Trunk(trunk)
        channels = TRUNKS[trunk][2]
        for k, c in enumerate(channels):
            self.add_module(f"lin{k}", NetLinLayer(c))
        # The reference module also registers the same lin layers as a list, so its state dict has both names.
        self.lins = nn.ModuleList(getattr(self, f"lin{k}") for k in range(len(channels)))

    def normalized_taps(self, x):
        return [normalize_channels(f) for f in self.net(self.scaling_layer(x))]

    def forward(self, x, y):
        total = torch.zeros(x.shape[0], dtype=x.dtype, device=x.device)
        for lin, fx, fy in zip(self.lins, self.normalized_taps(x), self.normalized_taps(y)):
            total = total + lin.model(((fx - fy) ** 2)).mean(dim=(1, 2, 3))
        return total


class LPIPSFeatureMap(nn.Module):
    """images [B, 3, H, W] in [-1, 1] -> phi [B, F] with ||phi(x) - phi(y)||^2 = LPIPS(x, y)."""

    def __init__(self, lpips: LPIPS):
        super().__init__()
        weights = [lin.model[1].weight.detach().flatten() for lin in lpips.lins]
        negative = [k for k, w in enumerate(weights) if bool((w < 0).any())]
        if negative:
            raise ValueError(f"lin{negative[0]}.model.1.weight has negative entries; LPIPS is then not a squared feature distance")
        self.scaling_layer = lpips.scaling_layer
        self.net = lpips.net
        for k, w in enumerate(weights):
            self.register_buffer(f"sqrt_w{k}", torch.sqrt(w).view(1, -1, 1, 1))
        self.n_taps = len(weights)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        parts = []
        taps = self.net(self.scaling_layer(x))
        for k, f in enumerate(taps):
            w = getattr(self, f"sqrt_w{k}")
            # H*W as a tensor op, so a traced module stays valid for any input size.
            hw = torch.ones_like(f[:1, :1]).sum()
            parts.append((normalize_channels(f) * w * torch.rsqrt(hw)).flatten(1))
        return torch.cat(parts, dim=1)


def trunk_key_to_lpips(trunk: str, key: str) -> str:
    """torchvision `features.<i>.rest` -> `net.slice<k>.<i>.rest`."""
    _, ends, _ = TRUNKS[trunk]
    index = int(key.split(".")[1])
    k = next(k for k, end in enumerate(ends, start=1) if index < end)
    return f"net.slice{k}." + key[len("features."):]
