package org.eigenstudy.backend.statistics.mixed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
        // σ enters the deviance and Var(β̂) only through a factorisation at θ, so evaluations that
        // differ in σ alone (the σ row of H, the diagonal's centre, the σ column of J) reuse it:
        // a fifth of the factorisations of the 8-parameter slope model.
        Map<List<Double>, LinearMixedModel.Profile> profiles = new HashMap<>();
        Function<double[], LinearMixedModel.Profile> at =
                v -> {
                    double[] t = java.util.Arrays.copyOf(v, m);
                    return profiles.computeIfAbsent(
                            java.util.Arrays.stream(t).boxed().toList(), key -> model.profile(t));
                };
        double[] h = NumericalDerivatives.hessian(v -> model.deviance(at.apply(v), v[m]), phi);
        a = Dense.inverse(h, m + 1);
        for (int i = 0; i < a.length; i++) {
            a[i] *= 2;
        }
        jacobian =
                NumericalDerivatives.jacobian(
                        v -> LinearMixedModel.covarianceOfBeta(at.apply(v), v[m]), phi);
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
