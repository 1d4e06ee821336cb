"""Convolutions as matrix products plus col2im (`F.fold`), for networks that get differentiated twice.

Why not torch's convolution ops: the Hessian methods differentiate the generator twice, and libtorch's
double backward of a convolution (ATen `_convolution_double_backward`) computes the weight gradient
whether or not anything needs it, so every second-order pass did a second, useless convolution per
layer (about 2 forward passes per Jacobian column instead of 1). A matrix product's derivatives are
computed only for the operands that need them. Each function multiplies every input pixel by every
kernel tap in one product, [B, out*k*k, H*W], and col2im adds the taps into place: the same
multiply-adds as the convolution. fold rather than unfold (im2col) on the input because libtorch's
col2im is several times faster than its im2col, and the forward and tangent passes then run col2im
only. tests/test_nets.py checks values, first and second derivatives against torch's ops.
"""
from typing import Optional

import torch
import torch.nn.functional as F


def _taps_times(taps: torch.Tensor, x: torch.Tensor, bias: Optional[torch.Tensor] = None) -> torch.Tensor:
    """[M, C] @ [B, C, N] (+ bias[M]) -> [B, M, N] as a batched product of the expanded (stride-0) taps.

    Not `torch.matmul`: for a 2-D by 3-D product it transposes both operands into one 2-D product
    and copies the [B, M, N] result back into place, and that copy of the largest tensor of the
    layer was 59 % of a 1024 px StyleGAN2 forward (docs/benchmarks.md, "Page faults"); libtorch 2.7
    returns it as a transposed (channels-last) map instead, on which BigGAN's next layers ran 18 %
    slower. A bias is added in the same pass (baddbmm)."""
    taps = taps.expand(x.shape[0], -1, -1)
    if bias is None:
        return torch.bmm(taps, x)
    return torch.baddbmm(bias[None, :, None].expand(x.shape[0], -1, x.shape[2]), taps, x)


def conv2d_gemm(x: torch.Tensor, weight: torch.Tensor, k: int, padding: int,
                bias: Optional[torch.Tensor] = None) -> torch.Tensor:
    """F.conv2d(x, weight, bias, padding=padding) (stride 1, `weight` [out, in, k, k]) as matrix products.

    A correlation is a transposed convolution with the flipped kernel: every input pixel times every
    flipped tap, added into a map padded by k - 1 on each side, then cropped to `padding`.
    """
    b, c, h, w = x.shape
    o = weight.shape[0]
    if k == 1:
        return _taps_times(weight.reshape(o, c), x.reshape(b, c, h * w), bias).reshape(b, o, h, w)
    taps = torch.flip(weight, [2, 3]).permute(0, 2, 3, 1).reshape(o * k * k, c)
    cols = _taps_times(taps, x.reshape(b, c, h * w))  # [B, O*k*k, H*W]
    full = F.fold(cols, (h + k - 1, w + k - 1), k)
    start = k - 1 - padding
    out = full[:, :, start:start + h + 2 * padding - k + 1, start:start + w + 2 * padding - k + 1]
    return out if bias is None else out + bias[None, :, None, None]


def conv_transpose_gemm(x: torch.Tensor, weight: torch.Tensor, k: int, stride: int, padding: int) -> torch.Tensor:
    """F.conv_transpose2d(x, weight, stride=stride, padding=padding) for `weight` [in, out, k, k].

    A transposed convolution is exactly a scatter: input pixel (i, j) times tap (ki, kj) lands on
    output (i * stride + ki, j * stride + kj) of the unpadded output, which is what col2im with that
    stride does; `padding` then crops that many pixels from each side.
    """
    b, c, h, w = x.shape
    o = weight.shape[1]
    taps = weight.permute(1, 2, 3, 0).reshape(o * k * k, c)  # row o*k*k + ki*k + kj, as fold expects
    cols = _taps_times(taps, x.reshape(b, c, h * w))  # [B, O*k*k, H*W]
    full = F.fold(cols, ((h - 1) * stride + k, (w - 1) * stride + k), k, stride=stride)
    if padding == 0:
        return full
    return full[:, :, padding:full.shape[2] - padding, padding:full.shape[3] - padding]
