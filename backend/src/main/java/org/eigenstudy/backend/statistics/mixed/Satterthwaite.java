package org.eigenstudy.backend.statistics.mixed;

/**
 * Satterthwaite's denominator degrees of freedom for a contrast of a linear mixed model, computed
 * as lmerTest 3.1 does: with the variance parameters φ = (θ, σ), A = 2 H⁻¹ where H is the Hessian
 * of the (REML or ML) deviance in φ, and J_i = ∂Var(β̂)/∂φ_i, the df of Lβ̂ are 2 (L V Lᵀ)² / (gᵀ A
 * g) with g_i = L J_i Lᵀ. H and J come from Richardson-extrapolated finite differences like R's
 * numDeriv.
 */
final class Satterthwaite {

    private final double[] a;
    private final double[][] jacobian;

    Satterthwaite(LinearMixedModel model, double[] theta, double sigma) {
        int m = theta.length;
        double[] phi = java.util.Arrays.copyOf(theta, m + 1);
        phi[m] = sigma;
        double[] h =
                NumericalDerivatives.hessian(
                        v -> model.deviance(java.util.Arrays.copyOf(v, m), v[m]), phi);
        a = Dense.inverse(h, m + 1);
        for (int i = 0; i < a.length; i++) {
            a[i] *= 2;
        }
        jacobian =
                NumericalDerivatives.jacobian(
                        v -> model.covarianceOfBeta(java.util.Arrays.copyOf(v, m), v[m]), phi);
    }

    double df(double[] contrast, double[] covariance) {
        double variance = Dense.quadratic(contrast, covariance);
        double[] g = new double[jacobian.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = Dense.quadratic(contrast, jacobian[i]);
        }
        return 2 * variance * variance / Dense.quadratic(g, a);
    }
}
