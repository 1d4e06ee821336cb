package org.eigenstudy.backend.statistics.mixed;

/**
 * lmer: the linear mixed model y = Xβ + Zb + ε, b = Λ_θ u, u ~ N(0, σ²I), ε ~ N(0, σ²I), fitted by
 * minimising the profiled deviance over θ (Bates et al. 2015, eqs. 34 and 41):
 *
 * <ul>
 *   <li>ML: d(θ) = log|L_θ|² + n (1 + log(2π r²(θ) / n));
 *   <li>REML: d(θ) = log|L_θ|² + log|R_X|² + (n − p)(1 + log(2π r²(θ) / (n − p)));
 * </ul>
 *
 * where r²(θ) is the penalised residual sum of squares at the conditional modes. σ̂² is r²/n (ML)
 * or r²/(n − p) (REML); Var(β̂) = σ̂² (R_XᵀR_X)⁻¹.
 */
public final class LinearMixedModel {

    final MixedDesign design;
    final boolean reml;
    private final CrossedSystem system;

    private LinearMixedModel(MixedDesign design, boolean reml) {
        this.design = design;
        this.reml = reml;
        this.system = new CrossedSystem(design, true);
        system.accumulate(null, design.y);
    }

    /** Fits by REML ({@code reml = true}, lmer's default) or maximum likelihood. */
    public static LmmFit fit(MixedDesign design, boolean reml) {
        if (design.n <= design.p) {
            throw new IllegalArgumentException(
                    "need more observations ("
                            + design.n
                            + ") than fixed effects ("
                            + design.p
                            + ")");
        }
        LinearMixedModel model = new LinearMixedModel(design, reml);
        int k = design.k;
        int axes = design.axes;
        double[] lower = Theta.lower(k, axes);
        double[] theta =
                BoundedMinimizer.minimize(model::profiledDeviance, Theta.start(k, axes), lower);
        if (k > 1 && Theta.onAFlippableFace(theta, k, axes)) {
            // On the face where a diagonal element T_cc of the participant factor is 0, the
            // entries below it can change sign without changing the covariance T Tᵀ, but off the
            // face they cannot: BOBYQA approaches the face from the side it started on and can
            // stop there while the other side descends further. Seen on the benchmark study's
            // magnitude with unseen scored 0: REML criterion 947018.04 on the face, 947008.40
            // inside (where lme4 ends too). So a singular slope fit is restarted from the other
            // side, and the better of the two kept; a truly singular optimum returns to the face.
            // A zero diagonal with nothing (or only zeros) below it has no other side: no restart.
            double[] again =
                    BoundedMinimizer.minimize(
                            model::profiledDeviance, Theta.offTheFace(theta, k, axes), lower);
            if (model.profiledDeviance(again) < model.profiledDeviance(theta)) {
                theta = again;
            }
        }
        return new LmmFit(model, theta);
    }

    private void factor(double[] theta) {
        system.factor(
                Theta.participantFactor(theta, design.k),
                Theta.axisFactor(theta, design.k, design.axes));
    }

    /** The profiled deviance (ML) or REML criterion at θ. */
    double profiledDeviance(double[] theta) {
        factor(theta);
        double r2 = system.solve(new double[randomEffects()], new double[design.p]);
        double dof = reml ? design.n - design.p : design.n;
        double d = system.logDetL() + dof * (1 + Math.log(2 * Math.PI * r2 / dof));
        return reml ? d + system.logDetRx() : d;
    }

    /** What the deviance and Var(β̂) need at θ, whatever σ: a factorisation and a solve. */
    Profile profile(double[] theta) {
        factor(theta);
        double r2 = system.solve(new double[randomEffects()], new double[design.p]);
        return new Profile(system.logDetL(), r2, system.logDetRx(), system.unscaledCovariance());
    }

    /**
     * The deviance as a function of θ (through its profile) and σ, not profiled over σ: lmerTest's
     * {@code devfun_vp}: log|L|² + r²/σ² + n log(2πσ²), plus log|R_X|² − p log(2πσ²) for REML.
     */
    double deviance(Profile at, double sigma) {
        double s2 = sigma * sigma;
        double d = at.logDetL() + at.r2() / s2 + design.n * Math.log(2 * Math.PI * s2);
        return reml ? d + at.logDetRx() - design.p * Math.log(2 * Math.PI * s2) : d;
    }

    /**
     * σ² (R_XᵀR_X)⁻¹ at θ (through its profile), row-major p × p (lmerTest's {@code get_covbeta}).
     */
    static double[] covarianceOfBeta(Profile at, double sigma) {
        double[] v = at.unscaledCovariance().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= sigma * sigma;
        }
        return v;
    }

    /** At θ: u, β̂, r², log|L|², log|R_X|², (R_XᵀR_X)⁻¹. */
    Solution solution(double[] theta) {
        factor(theta);
        double[] u = new double[randomEffects()];
        double[] beta = new double[design.p];
        double r2 = system.solve(u, beta);
        double[] b = new double[u.length];
        double[] t = Theta.participantFactor(theta, design.k);
        int k = design.k;
        for (int j = 0; j < design.participants; j++) {
            for (int r = 0; r < k; r++) {
                double s = 0;
                for (int e = 0; e <= r; e++) {
                    s += t[r * k + e] * u[j * k + e];
                }
                b[j * k + r] = s;
            }
        }
        double ta = Theta.axisFactor(theta, k, design.axes);
        for (int a = 0; a < design.axes; a++) {
            b[design.participants * k + a] = ta * u[design.participants * k + a];
        }
        return new Solution(
                b, beta, r2, system.logDetL(), system.logDetRx(), system.unscaledCovariance());
    }

    private int randomEffects() {
        return design.participants * design.k + design.axes;
    }

    /** At θ: log|L_θ|², r²(θ), log|R_X|², (R_XᵀR_X)⁻¹; σ enters the deviance only through these. */
    record Profile(double logDetL, double r2, double logDetRx, double[] unscaledCovariance) {}

    record Solution(
            double[] b,
            double[] beta,
            double r2,
            double logDetL,
            double logDetRx,
            double[] unscaledCovariance) {}
}
