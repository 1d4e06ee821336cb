package org.eigenstudy.geometry.hessian;

import org.eigenstudy.geometry.GeometryException;

/**
 * How to compute the metric at a point. {@code method}: {@code exact} | {@code fd-jacobian} |
 * {@code lanczos} | {@code serial}; {@code batch}: copies per double-backprop pass (exact) or codes
 * per forward batch (fd-jacobian); {@code epsilon}: finite-difference step (fd-jacobian, forward
 * HVP; null = default); {@code k}/{@code steps}/{@code hvp}: Lanczos; {@code seed}: Lanczos start.
 */
public record HessianSettings(
        String method, int batch, Double epsilon, int k, Integer steps, HvpMode hvp, long seed) {

    public HessianSettings {
        if (!java.util.List.of("exact", "fd-jacobian", "lanczos", "serial").contains(method)) {
            throw new GeometryException(
                    "method must be exact, fd-jacobian, lanczos or serial, not '" + method + "'");
        }
        if (batch < 1) {
            throw new GeometryException("batch must be >= 1");
        }
        if (epsilon != null && !(epsilon > 0)) {
            throw new GeometryException("epsilon must be > 0");
        }
    }

    public static HessianSettings exact(int batch) {
        return new HessianSettings("exact", batch, null, 10, null, HvpMode.BACKWARD, 0);
    }

    public boolean isFull() {
        return !method.equals("lanczos");
    }

    public double epsilonOrDefault() {
        if (epsilon != null) {
            return epsilon;
        }
        return method.equals("lanczos") ? 1e-3 : FdJacobianHessian.DEFAULT_EPSILON;
    }
}
