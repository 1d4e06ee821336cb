package org.eigenstudy.backend.statistics.mixed;

import java.util.Arrays;

/**
 * glmer with {@code family = binomial} (logit link, 0/1 responses) and the Laplace approximation
 * ({@code nAGQ = 1}). For given θ (and β) the conditional modes u come from penalised iteratively
 * reweighted least squares (PIRLS, with step halving on the penalised deviance); the objective is
 * lme4's Laplace deviance Σ devresid(y, μ) + ‖u‖² + log|L_θ|², L_θ the Cholesky factor of ΛᵀZᵀWZΛ +
 * I at the modes. As glmer does, θ is first optimised with β profiled out by PIRLS over (u, β)
 * jointly (glmer's nAGQ = 0 stage), then θ and β together with PIRLS over u only; both stages use
 * BOBYQA (glmer's second stage defaults to Nelder–Mead; both stop at the same optimum of the same
 * objective). Var(β̂) is, as glmer's default {@code vcov}, 2 H⁻¹ restricted to β, where H is the
 * Hessian of the Laplace deviance over (θ, β) (here with Richardson-extrapolated finite
 * differences).
 */
public final class LogisticMixedModel {

    private static final int MAX_ITERATIONS = 200;

    /** BOBYQA's initial trust-region radius in stage 2 (stage 1's is 0.2). */
    static final double STAGE_TWO_RADIUS = 0.02;

    final MixedDesign design;
    // PIRLS runs on cells of rows that share their linear predictor (binomial counts): the same
    // deviance, weights and solution as over the 0/1 rows, in a fraction of the passes' time.
    private final MixedDesign cells;
    private final double[] trials;
    private final CrossedSystem withFixed;
    private final CrossedSystem randomOnly;
    private final double[] eta;
    private final double[] expNegAbs;
    private final double[] weights;
    private final double[] working;
    // Xβ for a fixed β (stage 2), else 0: subtracted from the working response without a test
    // per cell, whose outcome changes between the stages.
    private final double[] offset;
    private double[] u;
    private double[] beta;

    private LogisticMixedModel(MixedDesign design) {
        this.design = design;
        for (double v : design.y) {
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException("responses must be 0 or 1");
            }
        }
        MixedDesign.Cells grouped = design.cells();
        this.cells = grouped.design();
        this.trials = grouped.counts();
        this.withFixed = new CrossedSystem(cells, true);
        this.randomOnly = new CrossedSystem(cells, false);
        this.eta = new double[cells.n];
        this.expNegAbs = new double[cells.n];
        this.weights = new double[cells.n];
        this.working = new double[cells.n];
        this.offset = new double[cells.n];
        this.u = new double[design.participants * design.k + design.axes];
        this.beta = new double[design.p];
    }

    public static GlmmFit fit(MixedDesign design) {
        LogisticMixedModel model = new LogisticMixedModel(design);
        int k = design.k;
        int axes = design.axes;
        int m = Theta.size(k, axes);
        double[] lower = Theta.lower(k, axes);
        // Stage 1 only finds the start of stage 2, which optimises θ again: a coarse radius does.
        double[] theta =
                BoundedMinimizer.minimize(
                        model::profiledOverBeta, Theta.start(k, axes), lower, 1e-5);
        model.profiledOverBeta(theta);
        double[] start = Arrays.copyOf(theta, m + design.p);
        System.arraycopy(model.beta, 0, start, m, design.p);
        double[] lower2 = Arrays.copyOf(lower, m + design.p);
        Arrays.fill(lower2, m, m + design.p, Double.NEGATIVE_INFINITY);
        // Stage 1's optimum is near stage 2's (the nAGQ = 0 and Laplace estimates differ
        // little), so the first trust region is a tenth of the default: BOBYQA then spends its
        // first 2n + 1 evaluations on a model of the deviance where the optimum is, 155 → 93
        // Laplace evaluations on the benchmark's change seen (docs/benchmarks.md, mixed models).
        double[] optimum =
                BoundedMinimizer.minimize(
                        model::laplace,
                        start,
                        lower2,
                        STAGE_TWO_RADIUS,
                        BoundedMinimizer.STOPPING_RADIUS);
        return new GlmmFit(model, optimum);
    }

    /** Stage 1: the Laplace deviance at θ with u and β from PIRLS (glmer's nAGQ = 0 stage). */
    double profiledOverBeta(double[] theta) {
        return pirls(theta, null);
    }

    /** Stage 2: the Laplace deviance at (θ, β) with u from PIRLS. */
    double laplace(double[] thetaBeta) {
        int m = Theta.size(design.k, design.axes);
        return pirls(
                Arrays.copyOf(thetaBeta, m), Arrays.copyOfRange(thetaBeta, m, thetaBeta.length));
    }

    double[] beta() {
        return beta.clone();
    }

    double[] modes() {
        return u.clone();
    }

    private double pirls(double[] theta, double[] fixedBeta) {
        CrossedSystem system = fixedBeta == null ? withFixed : randomOnly;
        double[] t = Theta.participantFactor(theta, design.k);
        double ta = Theta.axisFactor(theta, design.k, design.axes);
        double[] uCur = u.clone();
        double[] bCur = fixedBeta == null ? beta.clone() : fixedBeta;
        setOffset(fixedBeta);
        double pdev = linearPredictor(t, ta, uCur, bCur);
        double[] uNew = new double[uCur.length];
        double[] bNew = new double[design.p];
        boolean converged = false;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            weightsAndWorkingResponse();
            system.accumulate(weights, working);
            system.factor(t, ta);
            system.solve(uNew, bNew);
            if (fixedBeta != null) {
                bNew = fixedBeta;
            }
            double step = 1;
            double[] uTry = uNew;
            double[] bTry = bNew;
            double next = linearPredictor(t, ta, uTry, bTry);
            // Halve the step while the penalised deviance increases (lme4's pwrssUpdate). Near the
            // modes the decrease falls below rounding; a full Newton step is then still taken,
            // because log|L|² depends on u to first order and must see converged modes.
            double slack = 1e-10 * (Math.abs(pdev) + 1);
            for (int halving = 0; next > pdev + slack && halving < 30; halving++) {
                step /= 2;
                uTry = blend(uCur, uNew, step);
                bTry = blend(bCur, bNew, step);
                next = linearPredictor(t, ta, uTry, bTry);
            }
            double moved = maxDifference(uCur, uTry) + maxDifference(bCur, bTry);
            if (next > pdev + slack) {
                linearPredictor(t, ta, uCur, bCur);
                converged = true;
                break;
            }
            uCur = uTry.clone();
            bCur = bTry.clone();
            pdev = next;
            if (moved < 1e-11) {
                converged = true;
                break;
            }
        }
        // log|L|² needs the weights at the modes. After convergence the last factorisation used
        // the weights of the modes (or of a point within 1e-11 of them), so it is reused: one
        // accumulation and factorisation fewer per deviance evaluation.
        if (!converged) {
            weightsAndWorkingResponse();
            system.accumulate(weights, working);
            system.factor(t, ta);
        }
        u = uCur;
        if (fixedBeta == null) {
            beta = bCur;
        }
        return pdev + system.logDetL();
    }

    /** Sets η for (u, β) and returns the penalised deviance Σ devresid + ‖u‖². */
    private double linearPredictor(double[] t, double ta, double[] uv, double[] b) {
        double dev = 0;
        int p = cells.p;
        for (int i = 0; i < cells.n; i++) {
            double e = CrossedSystem.randomPart(cells, t, ta, i, uv);
            for (int c = 0; c < p; c++) {
                e += cells.x[i * p + c] * b[c];
            }
            eta[i] = e;
            // The cell's Bernoulli deviance residuals: −2 log P(y | η) summed over its rows (s
            // ones, t − s zeros), computed without overflow; the same sum as row by row.
            double seen = cells.y[i];
            // softplus(±e) = max(±e, 0) + log1p(exp(−|e|)): one exp and one log1p for both.
            double small = Math.exp(-Math.abs(e));
            expNegAbs[i] = small;
            double tail = Math.log1p(small);
            dev +=
                    2
                            * (seen * (Math.max(-e, 0) + tail)
                                    + (trials[i] - seen) * (Math.max(e, 0) + tail));
        }
        for (double v : uv) {
            dev += v * v;
        }
        return dev;
    }

    /**
     * IRLS weights t μ(1 − μ) for a cell of t rows and working response η + (s − t μ)/w (s the
     * cell's ones), minus Xβ when β is fixed: the sums of the rows' weights and weighted working
     * responses, since the rows share η.
     */
    private void weightsAndWorkingResponse() {
        for (int i = 0; i < cells.n; i++) {
            // μ = plogis(η) and μ(1 − μ) = e^−|η| / (1 + e^−|η|)² from the exp(−|η|) the deviance
            // already computed; one division, and the sign of η only selects a numerator.
            double small = expNegAbs[i];
            double inverse = 1 / (1 + small);
            double mu = (eta[i] >= 0 ? 1 : small) * inverse;
            double w = Math.max(trials[i] * small * inverse * inverse, 1e-300);
            weights[i] = w;
            working[i] = eta[i] + (cells.y[i] - trials[i] * mu) / w - offset[i];
        }
    }

    private void setOffset(double[] fixedBeta) {
        int p = cells.p;
        for (int i = 0; i < cells.n; i++) {
            double s = 0;
            for (int c = 0; fixedBeta != null && c < p; c++) {
                s += cells.x[i * p + c] * fixedBeta[c];
            }
            offset[i] = s;
        }
    }

    private static double[] blend(double[] from, double[] to, double step) {
        double[] out = new double[from.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = from[i] + step * (to[i] - from[i]);
        }
        return out;
    }

    private static double maxDifference(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
