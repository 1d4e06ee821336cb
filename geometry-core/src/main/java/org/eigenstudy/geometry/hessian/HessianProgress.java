package org.eigenstudy.geometry.hessian;

/**
 * Told after each block of rows or columns of one Hessian (or Lanczos step), so that a caller can
 * show progress inside a long single Hessian (a 512-d StyleGAN2 metric on a CPU takes many
 * minutes).
 */
@FunctionalInterface
public interface HessianProgress {
    HessianProgress NONE = (done, total) -> {};

    void progress(int done, int total);
}
