"""Our layers against independent formulations of the papers' definitions."""
import numpy as np
import torch
import torch.nn.functional as F

from eigenstudy_export.nets import biggan, gemm, pggan, stylegan2


def _close(a, b, tol=1e-5):
    torch.testing.assert_close(a, b, rtol=tol, atol=tol)


def test_modulated_conv_equals_per_sample_weight_modulation():
    """StyleGAN2 paper Eq. 1-3: w'_ijk = s_i w_ijk, w''_ijk = w'_ijk / sqrt(sum_ik w'^2 + eps), per sample."""
    torch.manual_seed(0)
    for upsample in (False, True):
        conv = stylegan2.ModulatedConv2d(6, 5, 3, style_dim=4, upsample=upsample)
        conv.modulation.bias.data += 1
        x, w = torch.randn(3, 6, 8, 8), torch.randn(3, 4)
        styles = conv.modulation(w)
        outs = []
        for b in range(3):
            wb = conv.weight[0] * conv.scale * styles[b][None, :, None, None]
            wb = wb * torch.rsqrt((wb ** 2).sum(dim=(1, 2, 3), keepdim=True) + 1e-8)
            if upsample:
                y = F.conv_transpose2d(x[b:b + 1], wb.transpose(0, 1), stride=2)
                y = _reference_upfirdn(y, conv.blur.kernel, up=1, pad=(1, 1))
            else:
                y = F.conv2d(x[b:b + 1], wb, padding=1)
            outs.append(y)
        _close(conv(x, w), torch.cat(outs))
        assert conv(x, w).shape[-1] == (16 if upsample else 8)


def test_matrix_product_convolutions_equal_torch_convolutions_in_value_and_derivatives():
    """The net's im2col/col2im convolutions against torch's conv2d and conv_transpose2d, on odd and
    even sizes, non-square maps and random kernels (a wrong tap order or phase shows), including
    first and second derivatives (the Hessian methods differentiate the network twice)."""
    torch.manual_seed(2)
    for b, cin, cout, h, w in [(2, 5, 7, 4, 6), (1, 3, 2, 1, 1), (3, 8, 4, 7, 5), (1, 16, 16, 8, 8)]:
        x, weight, wide = torch.randn(b, cin, h, w), torch.randn(cout, cin, 3, 3), torch.randn(cout, cin, 4, 4)
        bias = torch.randn(cout)
        cases = [
            (lambda t, k: F.conv_transpose2d(t, k.transpose(0, 1), stride=2),
             lambda t, k: gemm.conv_transpose_gemm(t, k.transpose(0, 1), 3, 2, 0), weight, (b, cout, 2 * h + 1, 2 * w + 1)),
            (lambda t, k: F.conv2d(t, k, padding=1), lambda t, k: gemm.conv2d_gemm(t, k, 3, 1),
             weight, (b, cout, h, w)),
            (lambda t, k: F.conv2d(t, k), lambda t, k: gemm.conv2d_gemm(t, k, 1, 0),
             weight[:, :, :1, :1].contiguous(), (b, cout, h, w)),
            # with a bias: added after the crop (3x3), in the product itself (1x1, baddbmm)
            (lambda t, k: F.conv2d(t, k, bias.to(t), padding=1), lambda t, k: gemm.conv2d_gemm(t, k, 3, 1, bias.to(t)),
             weight, (b, cout, h, w)),
            (lambda t, k: F.conv2d(t, k, bias.to(t)), lambda t, k: gemm.conv2d_gemm(t, k, 1, 0, bias.to(t)),
             weight[:, :, :1, :1].contiguous(), (b, cout, h, w)),
            # the demo DCGAN's layers: 4x4 stride 2 padding 1 (doubles the size), 4x4 stride 1 from 1x1
            (lambda t, k: F.conv_transpose2d(t, k, stride=2, padding=1), lambda t, k: gemm.conv_transpose_gemm(t, k, 4, 2, 1),
             wide.transpose(0, 1).contiguous(), (b, cout, 2 * h, 2 * w)),
            (lambda t, k: F.conv_transpose2d(t, k), lambda t, k: gemm.conv_transpose_gemm(t, k, 4, 1, 0),
             wide.transpose(0, 1).contiguous(), (b, cout, h + 3, w + 3)),
        ]
        for torch_op, ours, kernel, shape in cases:
            want, got = torch_op(x, kernel), ours(x, kernel)
            assert got.shape == want.shape == shape
            _close(got, want)
            seed = torch.randn(shape, dtype=torch.float64)
            reference = _second_order(lambda t: torch_op(t, kernel.double()), x, seed)
            for a, r in zip(_second_order(lambda t: ours(t, kernel.double()), x, seed), reference):
                torch.testing.assert_close(a, r, rtol=1e-10, atol=1e-10)


def _second_order(f, x, seed):
    """Gradient of <f(x)^2, seed> at x and the derivative of <gradient, x> (a double backward), float64."""
    xd = x.double().requires_grad_()
    (g,) = torch.autograd.grad((f(xd) ** 2 * seed).sum(), xd, create_graph=True)
    (gg,) = torch.autograd.grad((g * x.double()).sum(), xd)
    return g, gg


def _reference_upfirdn(x: torch.Tensor, kernel: torch.Tensor, up: int, pad):
    """Direct loops: zero-insertion upsampling, zero padding, then true 2-D convolution."""
    xn, k = x.detach().double().numpy(), kernel.double().numpy()
    b, c, h, w = xn.shape
    upx = np.zeros((b, c, h * up, w * up))
    upx[:, :, ::up, ::up] = xn
    padded = np.pad(upx, ((0, 0), (0, 0), (pad[0], pad[1]), (pad[0], pad[1])))
    kh, kw = k.shape
    oh, ow = padded.shape[2] - kh + 1, padded.shape[3] - kw + 1
    out = np.zeros((b, c, oh, ow))
    for i in range(oh):
        for j in range(ow):
            window = padded[:, :, i:i + kh, j:j + kw]
            out[:, :, i, j] = (window * k[::-1, ::-1]).sum(axis=(2, 3))
    return torch.from_numpy(out).to(x.dtype)


def test_upfirdn_matches_direct_definition_and_preserves_constants():
    torch.manual_seed(1)
    kernel = torch.randn(4, 4)  # asymmetric, so a missing flip would show
    x = torch.randn(2, 3, 5, 5)
    _close(stylegan2.upfirdn2d(x, kernel, 2, 2, 1), _reference_upfirdn(x, kernel, 2, (2, 1)))
    up = stylegan2.Upsample()
    y = up(torch.full((1, 1, 6, 6), 0.7))
    assert y.shape[-1] == 12
    _close(y[..., 2:-2, 2:-2], torch.full_like(y[..., 2:-2, 2:-2], 0.7))


def test_stylegan2_uses_stored_noise_and_truncation():
    torch.manual_seed(2)
    g = stylegan2.StyleGAN2Generator(16, 8, 2, channels={4: 8, 8: 8, 16: 4}).eval()
    for p in g.parameters():
        p.data.normal_(0, 0.5)
    for conv in [g.conv1, *g.convs]:
        conv.noise.weight.data.fill_(1.0)
    synth, z = stylegan2.Synthesis(g), torch.randn(2, 8)
    w = g.style(z)
    first = synth(w)
    _close(synth(w), first, tol=0)  # deterministic: no fresh noise
    g.noises.noise_3.add_(1.0)
    assert (synth(w) - first).abs().max() > 1e-3  # ... and the stored buffers are what is used
    avg = torch.randn(8)
    _close(stylegan2.Mapping(g, avg, 0.0)(z), avg.expand(2, -1))


def test_pggan_equalized_lr_scales_bias_and_ignores_latent_norm():
    torch.manual_seed(3)
    layer = pggan.EqualizedConv2d(4, 5, 3, 1)
    x = torch.randn(2, 4, 6, 6)
    c = (2.0 / (4 * 9)) ** 0.5
    _close(layer(x), F.conv2d(x, layer.module.weight, layer.module.bias, padding=1) * c)
    g = pggan.PGGANGenerator(8, 8, [8, 4]).eval()
    z = torch.randn(3, 8)
    _close(g(z), g(2.5 * z), tol=1e-5)


def test_pggan_jvp_equals_autograd_forward_mode_in_float64():
    # Reference: torch.autograd.functional.jvp (double-backward) on the forward pass, float64, with and
    # without the mid-transition fade-in, at codes of other norms than sqrt(latent).
    torch.manual_seed(5)
    for alpha in (0.0, 0.3):
        g = pggan.PGGANGenerator(8, 8, [8, 4], alpha=alpha).double().eval()
        z = 3 * torch.randn(1, 8, dtype=torch.float64)
        v = torch.randn(4, 8, dtype=torch.float64)
        image, tangents = g.jvp(z, v)
        torch.testing.assert_close(image, g(z), rtol=0, atol=1e-13)
        for k in range(4):
            expected = torch.autograd.functional.jvp(g, z, v[k:k + 1])[1]
            torch.testing.assert_close(tangents[k:k + 1], expected, rtol=1e-10, atol=1e-12)
        # pixel norm makes G constant along z: the radial tangent maps to zero.
        assert g.jvp(z, z)[1].abs().max() < 1e-9 * tangents.abs().max()


def test_biggan_spectral_norm_and_truncation_rows():
    torch.manual_seed(4)
    layer = biggan.SNConv2d(6, 5, 3)
    mat = layer.weight_orig.detach().reshape(5, -1)
    u, s, vh = torch.linalg.svd(mat)
    layer.weight_u.copy_(u[:, 0])
    layer.weight_v.copy_(vh[0])
    assert abs(float(torch.linalg.matrix_norm(layer.weight().reshape(5, -1), ord=2)) - 1.0) < 1e-5
    means, vars_ = torch.randn(51, 3), torch.rand(51, 3)
    # Reference code: coef, i = modf(t * 50); rows i and i+1 weighted coef and 1 - coef (swapped on purpose)
    m, v = biggan.select_stats(means, vars_, 0.404, 51)
    _close(m, means[20] * 0.2 + means[21] * 0.8, tol=1e-6)
    m, _ = biggan.select_stats(means, vars_, 1.0, 51)
    _close(m, means[50], tol=0)


def test_biggan_attention_matches_explicit_sagan_formula():
    torch.manual_seed(5)
    attn = biggan.SelfAttention(16).double()  # float64: random u, v give large logits
    x = torch.randn(2, 16, 8, 8, dtype=torch.float64)
    _close(attn(x), x, tol=0)  # gamma = 0: identity
    attn.gamma.data.fill_(0.7)
    theta = F.conv2d(x, attn.snconv1x1_theta.weight())  # queries at every position
    phi = F.max_pool2d(F.conv2d(x, attn.snconv1x1_phi.weight()), 2)  # keys on the 2x2-pooled grid
    g = F.max_pool2d(F.conv2d(x, attn.snconv1x1_g.weight()), 2)  # values on the pooled grid
    logits = torch.einsum("bcij,bckl->bijkl", theta, phi)
    logits = logits - logits.amax(dim=(3, 4), keepdim=True)
    weights = logits.exp() / logits.exp().sum(dim=(3, 4), keepdim=True)
    mixed = torch.einsum("bijkl,bckl->bcij", weights, g)
    expected = x + 0.7 * F.conv2d(mixed, attn.snconv1x1_o_conv.weight())
    _close(attn(x), expected)


def test_biggan_jvp_equals_autograd_forward_mode_in_float64(tmp_path):
    # Every space (noise scales by the truncation, class and full move the conditional batch norms'
    # scale and shift), through a generator block, the attention (its softmax and max-pool argmax)
    # and the final batch norm and tanh; reference torch.autograd.functional.jvp in float64.
    from eigenstudy_export import random_checkpoints as rc
    torch.manual_seed(7)
    model = rc.write_biggan(tmp_path / "bg", seed=3).double()
    attention = next(m for m in model.modules() if isinstance(m, biggan.SelfAttention))
    attention.gamma.data.fill_(0.8)
    e0, u0 = torch.randn(8, dtype=torch.float64), torch.randn(8, dtype=torch.float64)
    for space, dim in (("noise", 8), ("class", 8), ("full", 16)):
        g = biggan.AtTruncation(model, 0.6, space, e0, u0).double()
        code = torch.randn(1, dim, dtype=torch.float64)
        v = torch.randn(3, dim, dtype=torch.float64)
        image, tangents = g.jvp(code, v)
        torch.testing.assert_close(image, g(code), rtol=0, atol=1e-13)
        assert image.abs().max() < 0.99  # tanh not saturated: the tangents are not all ~0
        for k in range(3):
            expected = torch.autograd.functional.jvp(g, code, v[k:k + 1])[1]
            torch.testing.assert_close(tangents[k:k + 1], expected, rtol=1e-9, atol=1e-12 * float(expected.abs().max()))


def test_biggan_matrix_product_layers_equal_torch_ops():
    """SNConv2d's 1x1 matrix product and the batch norms' scale and shift against F.conv2d,
    F.batch_norm in eval mode and the conditional batch norm's formula (the forms the reference code
    uses)."""
    torch.manual_seed(6)
    x = torch.randn(2, 12, 5, 7)
    for bias in (True, False):
        layer = biggan.SNConv2d(12, 6, 1, bias=bias)
        if bias:
            layer.bias.data.normal_()
        _close(layer(x), F.conv2d(x, layer.weight(), layer.bias))
    bn = biggan.PlainBatchNorm(12, 51, 1e-4)
    bn.weight.data.normal_()
    bn.bias.data.normal_()
    bn.running_means.normal_()
    bn.running_vars.uniform_(0.1, 2.0)
    mean, var = biggan.select_stats(bn.running_means, bn.running_vars, 0.7, 51)
    _close(bn(x, 0.7), F.batch_norm(x, mean, var, bn.weight, bn.bias, training=False, eps=1e-4))
    cbn = biggan.ConditionalBatchNorm(12, 9, 51, 1e-4)
    cbn.running_means.normal_()
    cbn.running_vars.uniform_(0.1, 2.0)
    cond = torch.randn(2, 9)
    mean, var = biggan.select_stats(cbn.running_means, cbn.running_vars, 0.7, 51)
    normed = (x - mean[None, :, None, None]) / torch.sqrt(var[None, :, None, None] + 1e-4)
    expected = normed * (1 + cbn.scale(cond))[:, :, None, None] + cbn.offset(cond)[:, :, None, None]
    _close(cbn(x, cond, 0.7), expected)
