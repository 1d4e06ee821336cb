package org.eigenstudy.backend.statistics.mixed;

import java.util.List;

/**
 * A fitted linear mixed model: what {@code lmer} reports ({@code fixef}, {@code vcov}, {@code
 * VarCorr}, {@code sigma}, {@code logLik}, {@code isSingular}, {@code ranef}) plus lmerTest's
 * Satterthwaite degrees of freedom for any linear combination of β.
 */
public final class LmmFit {

    private final LinearMixedModel model;
    private final double[] theta;
    private final double[] beta;
    private final double[] covariance;
    private final double sigma2;
    private final double criterion;
    private final double[] randomEffects;
    private Satterthwaite satterthwaite;

    LmmFit(LinearMixedModel model, double[] theta) {
        this.model = model;
        this.theta = theta.clone();
        MixedDesign d = model.design;
        LinearMixedModel.Solution s = model.solution(theta);
        this.beta = s.beta();
        this.sigma2 = s.r2() / (model.reml ? d.n - d.p : d.n);
        this.covariance = s.unscaledCovariance();
        for (int i = 0; i < covariance.length; i++) {
            covariance[i] *= sigma2;
        }
        this.criterion = model.profiledDeviance(theta);
        this.randomEffects = s.b();
    }

    public MixedDesign design() {
        return model.design;
    }

    public boolean reml() {
        return model.reml;
    }

    /** θ in this package's layout (see {@link Theta}): participant factor, then axis factor. */
    public double[] theta() {
        return theta.clone();
    }

    /** β̂, in the order of {@link MixedDesign#fixedNames()} (R: {@code fixef(fit)}). */
    public double[] beta() {
        return beta.clone();
    }

    /** Var(β̂), row-major p × p (R: {@code vcov(fit)}). */
    public double[] covariance() {
        return covariance.clone();
    }

    public double[] standardErrors() {
        return Dense.sqrtDiagonal(covariance, beta.length);
    }

    /** σ̂², the residual variance (R: {@code sigma(fit)^2}). */
    public double residualVariance() {
        return sigma2;
    }

    /**
     * The participant term's covariance σ² T Tᵀ, row-major k × k (R: {@code
     * VarCorr(fit)$participant}); k = 1 without random slopes.
     */
    public double[] participantCovariance() {
        int k = model.design.k;
        double[] t = Theta.participantFactor(theta, k);
        double[] c = new double[k * k];
        for (int r = 0; r < k; r++) {
            for (int q = 0; q < k; q++) {
                double s = 0;
                for (int e = 0; e < k; e++) {
                    s += t[r * k + e] * t[q * k + e];
                }
                c[r * k + q] = sigma2 * s;
            }
        }
        return c;
    }

    /** The variance of participants' intercepts (for the reference class with slopes). */
    public double participantVariance() {
        return participantCovariance()[0];
    }

    /** The variance of axes' intercepts; 0 without an axis term. */
    public double axisVariance() {
        double ta = Theta.axisFactor(theta, model.design.k, model.design.axes);
        return sigma2 * ta * ta;
    }

    /** σ²_participant / (σ²_participant + σ²_axis + σ²): share of variance due to participants. */
    public double iccParticipant() {
        return participantVariance() / totalVariance();
    }

    /** σ²_axis / (σ²_participant + σ²_axis + σ²): share of variance due to axes. */
    public double iccAxis() {
        return axisVariance() / totalVariance();
    }

    private double totalVariance() {
        return participantVariance() + axisVariance() + sigma2;
    }

    /** The REML criterion for a REML fit, the deviance (−2 log L) for an ML fit. */
    public double criterion() {
        return criterion;
    }

    /** R's {@code logLik(fit)}: −criterion / 2 (the REML log-likelihood for a REML fit). */
    public double logLik() {
        return -criterion / 2;
    }

    /** lme4's {@code isSingular(fit)}: a variance (diagonal of θ) below 1e-4 relative to σ. */
    public boolean singular() {
        return Theta.singular(theta, model.design.k, model.design.axes);
    }

    /** Conditional modes b of the axes' intercepts, in {@link MixedDesign#axisLevels()} order. */
    public double[] axisEffects() {
        int from = model.design.participants * model.design.k;
        return java.util.Arrays.copyOfRange(randomEffects, from, from + model.design.axes);
    }

    /** Conditional modes of the participants' effects, k per participant. */
    public double[] participantEffects() {
        return java.util.Arrays.copyOf(randomEffects, model.design.participants * model.design.k);
    }

    public List<String> fixedNames() {
        return model.design.fixedNames();
    }

    /** Satterthwaite's df for the contrast Lβ (lmerTest's {@code contest1D}). */
    public double satterthwaiteDf(double[] contrast) {
        if (satterthwaite == null) {
            satterthwaite = new Satterthwaite(model, theta, Math.sqrt(sigma2));
        }
        return satterthwaite.df(contrast, covariance);
    }
}
