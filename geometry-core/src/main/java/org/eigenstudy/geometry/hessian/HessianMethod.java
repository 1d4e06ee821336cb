package org.eigenstudy.geometry.hessian;

import org.ejml.data.DMatrixRMaj;

/** A way to compute the full metric tensor H(z0) (symmetric n×n, float64). */
public interface HessianMethod {

    /** H at one latent code of the metric's space. */
    DMatrixRMaj hessian(float[] z0);

    /** The method's CLI name: {@code exact}, {@code serial} or {@code fd-jacobian}. */
    String name();
}
