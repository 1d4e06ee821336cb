package org.eigenstudy.geometry.hessian;

import org.eigenstudy.geometry.progress.ProgressListener;
import org.ejml.data.DMatrixRMaj;

/**
 * A computer of the full metric tensor H(z0) (symmetric n×n, float64): exact double
 * back-propagation, serial rows, or a finite-difference Jacobian. Named for what it returns, so it
 * is not confused with the config enum {@code studyconfig.model.HessianMethod} that chooses one;
 * Lanczos gives eigenpairs, not the full matrix, and is not one of these.
 */
public interface FullHessian {

    /** H at one latent code of the metric's space. */
    default DMatrixRMaj hessian(float[] z0) {
        return hessian(z0, ProgressListener.NONE);
    }

    /** H at z0, telling {@code progress} how many of its n rows/columns are done. */
    DMatrixRMaj hessian(float[] z0, ProgressListener progress);

    /** The method's CLI name: {@code exact}, {@code serial} or {@code fd-jacobian}. */
    String name();
}
