package org.eigenstudy.backend.statistics.mixed;

import java.util.Arrays;
import java.util.List;

/**
 * A fitted logistic mixed model: glmer's {@code fixef}, {@code vcov} (from the Hessian of the
 * Laplace deviance, glmer's default), {@code VarCorr} (on the logit scale; there is no residual
 * variance), {@code logLik} and {@code isSingular}.
 */
public final class GlmmFit {

    private final MixedDesign design;
    private final double[] theta;
    private final double[] beta;
    private final double[] covariance;
    private final double deviance;
    private final double[] modes;

    GlmmFit(LogisticMixedModel model, double[] optimum) {
        this.design = model.design;
        int m = Theta.size(design.k, design.axes);
        int p = design.p;
        this.theta = Arrays.copyOf(optimum, m);
        this.beta = Arrays.copyOfRange(optimum, m, m + p);
        // glmer's own scheme (lme4's deriv12: central differences, step 1e-4), so the SEs are the
        // same approximation R reports, at half the evaluations (each a PIRLS over all cells) of
        // the Richardson-extrapolated Hessian used before.
        double[] h = NumericalDerivatives.centralHessian(model::laplace, optimum, 1e-4);
        this.deviance = model.laplace(optimum);
        this.modes = model.modes();
        double[] inverse = Dense.inverse(h, m + p);
        this.covariance = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                covariance[i * p + j] = 2 * inverse[(m + i) * (m + p) + m + j];
            }
        }
    }

    public MixedDesign design() {
        return design;
    }

    public double[] theta() {
        return theta.clone();
    }

    /** β̂ on the logit scale, in {@link MixedDesign#fixedNames()} order (R: {@code fixef}). */
    public double[] beta() {
        return beta.clone();
    }

    public double[] covariance() {
        return covariance.clone();
    }

    public double[] standardErrors() {
        return Dense.sqrtDiagonal(covariance, beta.length);
    }

    /** The participant intercepts' variance on the logit scale (σ = 1 for the binomial). */
    public double participantVariance() {
        return theta[0] * theta[0];
    }

    public double axisVariance() {
        double ta = Theta.axisFactor(theta, design.k, design.axes);
        return ta * ta;
    }

    /**
     * Latent-scale ICC of participants: σ²_participant / (σ²_participant + σ²_axis + π²/3), the
     * logistic distribution's variance standing in for the residual.
     */
    public double iccParticipant() {
        return participantVariance() / latentTotal();
    }

    public double iccAxis() {
        return axisVariance() / latentTotal();
    }

    private double latentTotal() {
        return participantVariance() + axisVariance() + Math.PI * Math.PI / 3;
    }

    /** The Laplace approximation of −2 log L (glmer's objective, {@code -2 * logLik(fit)}). */
    public double deviance() {
        return deviance;
    }

    public double logLik() {
        return -deviance / 2;
    }

    public boolean singular() {
        return Theta.singular(theta, design.k, design.axes);
    }

    /**
     * Conditional modes of the axes' intercepts (logit scale), {@link MixedDesign#axisLevels()}
     * order.
     */
    public double[] axisEffects() {
        int from = design.participants * design.k;
        double ta = Theta.axisFactor(theta, design.k, design.axes);
        double[] b = Arrays.copyOfRange(modes, from, from + design.axes);
        for (int a = 0; a < b.length; a++) {
            b[a] *= ta;
        }
        return b;
    }

    public List<String> fixedNames() {
        return design.fixedNames();
    }
}
