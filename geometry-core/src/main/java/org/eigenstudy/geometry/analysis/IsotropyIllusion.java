package org.eigenstudy.geometry.analysis;

import java.util.Arrays;
import java.util.Random;

/**
 * Paper A.6: for random directions v ~ N(0, I), α(v) = vᵀHv / vᵀv = Σ c_i λ_i with c ~
 * Dirichlet(½,…,½), so E[α] = mean(λ) and Var[α] = 2/(n+2)·Var(λ) (population variance). A strongly
 * anisotropic space therefore looks nearly isotropic to random probing. Sampling is done in H's
 * eigenbasis, which is equivalent by rotation invariance of N(0, I).
 */
public record IsotropyIllusion(
        int samples,
        double measuredMean,
        double measuredVariance,
        double predictedMean,
        double predictedVariance,
        double spectrumVariance) {

    public static IsotropyIllusion sample(double[] eigenvalues, int samples, long seed) {
        int n = eigenvalues.length;
        Random random = new Random(seed);
        double[] alphas = new double[samples];
        for (int s = 0; s < samples; s++) {
            double num = 0;
            double den = 0;
            for (double lambda : eigenvalues) {
                double g = random.nextGaussian();
                num += g * g * lambda;
                den += g * g;
            }
            alphas[s] = num / den;
        }
        double mean = Arrays.stream(eigenvalues).average().orElseThrow();
        double varLambda = Arrays.stream(eigenvalues).map(l -> (l - mean) * (l - mean)).sum() / n;
        double alphaMean = Arrays.stream(alphas).average().orElseThrow();
        double alphaVar =
                Arrays.stream(alphas).map(a -> (a - alphaMean) * (a - alphaMean)).sum()
                        / (samples - 1);
        return new IsotropyIllusion(
                samples, alphaMean, alphaVar, mean, 2.0 / (n + 2) * varLambda, varLambda);
    }
}
