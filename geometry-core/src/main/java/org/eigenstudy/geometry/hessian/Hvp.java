package org.eigenstudy.geometry.hessian;

/** Hessian-vector products at one fixed code z0. */
interface Hvp extends AutoCloseable {
    double[] apply(double[] v);

    @Override
    void close();
}
