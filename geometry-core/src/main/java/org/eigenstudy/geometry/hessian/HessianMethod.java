package org.eigenstudy.geometry.hessian;

import org.eigenstudy.geometry.progress.ProgressListener;
import org.ejml.data.DMatrixRMaj;

/** A way to compute the full metric tensor H(z0) (symmetric n×n, float64). */
public interface HessianMethod {

    /** H at one latent code of the metric's space. */
    default DMatrixRMaj hessian(float[] z0) {
        return hessian(z0, ProgressListener.NONE);
    }

    /** H at z0, telling {@code progress} how many of its n rows/columns are done. */
    DMatrixRMaj hessian(float[] z0, ProgressListener progress);

    /** The method's CLI name: {@code exact}, {@code serial} or {@code fd-jacobian}. */
    String name();
}
