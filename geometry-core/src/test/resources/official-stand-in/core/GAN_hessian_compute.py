"""A stand-in for a checkout of the paper's GAN-Geometry code, for OfficialBaselineTest.

Same entry point as the authors' `core/GAN_hessian_compute.py` (`hessian_compute(G, feat, ImDist,
hessian_method, ..., device)` returning eigenvalues, eigenvectors and H), computed independently:
the whole Hessian by torch.autograd.functional.hessian in float64 (the generator's weights cast to
double), so the benchmark's comparison with the Java engine's float32 `exact` is a real check. Not
the authors' code: `geometry-core bench --official` runs theirs from the user's checkout.
"""
import copy

import numpy as np
import torch


def hessian_compute(G, feat, ImDist, hessian_method="BP", cutoff=None, preprocess=lambda img: img,
                    EPS=1e-3, device="cpu"):
    if hessian_method != "BP":
        raise NotImplementedError(hessian_method)
    module = copy.deepcopy(G.module).double()
    z0 = feat.detach().double().reshape(1, -1)
    reference = module(z0).detach()

    def distance(z):
        return ImDist(reference, module(z.reshape(1, -1)))

    h = torch.autograd.functional.hessian(distance, z0.reshape(-1)).numpy()
    values, vectors = np.linalg.eigh(h)
    return values, vectors, h
