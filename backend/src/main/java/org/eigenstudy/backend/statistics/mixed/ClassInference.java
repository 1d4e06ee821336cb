package org.eigenstudy.backend.statistics.mixed;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.eigenstudy.backend.statistics.inference.Holm;
import org.eigenstudy.backend.statistics.inference.Tails;

/**
 * Estimated marginal means of the axis classes and their pairwise contrasts, as emmeans computes
 * them: a class's mean is Lβ̂ with the model effects averaged with equal weights (emmeans' default
 * for a factor not in the spec), Var = L V̂ Lᵀ. For the linear model the df are Satterthwaite's
 * (emmeans with {@code lmer.df = "satterthwaite"}, lmerTest's {@code contest}); for the logistic
 * model inference is asymptotic (z) on the logit scale and the mean's interval ends are
 * back-transformed to probabilities ({@code summary(emm, type = "response")}). Contrasts are first
 * − second for every pair of classes in level order (top − orthogonal, top − bottom, orthogonal −
 * bottom); their p-values are Holm-adjusted over the pairs, their intervals are not adjusted (Holm
 * adjusts p-values only).
 *
 * @param means one per class present, in level order
 * @param contrasts one per pair of classes
 * @param satterthwaite true for t with Satterthwaite df, false for asymptotic z
 */
public record ClassInference(
        List<ClassMean> means, List<ClassContrast> contrasts, boolean satterthwaite) {

    /**
     * @param df Satterthwaite's df, or null for asymptotic (z) inference
     * @param responseEstimate the mean on the response scale (for the logistic model, the
     *     probability plogis(estimate); otherwise equal to {@code estimate})
     */
    public record ClassMean(
            String axisClass,
            double estimate,
            double standardError,
            Double df,
            double lower,
            double upper,
            double responseEstimate,
            double responseLower,
            double responseUpper) {}

    /** A difference first − second; on the logit scale (a log odds ratio) for the GLMM. */
    public record ClassContrast(
            String first,
            String second,
            double estimate,
            double standardError,
            Double df,
            double statistic,
            double p,
            double pHolm,
            double lower,
            double upper) {}

    /** Linear mixed model: t with Satterthwaite df. */
    public static ClassInference of(LmmFit fit, double confidence) {
        return build(
                fit.design(),
                fit.beta(),
                fit.covariance(),
                fit::satterthwaiteDf,
                false,
                confidence);
    }

    /** Logistic mixed model: z, means back-transformed to probabilities. */
    public static ClassInference of(GlmmFit fit, double confidence) {
        return build(fit.design(), fit.beta(), fit.covariance(), null, true, confidence);
    }

    private static ClassInference build(
            MixedDesign d,
            double[] beta,
            double[] covariance,
            java.util.function.ToDoubleFunction<double[]> dfOf,
            boolean logit,
            double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1)");
        }
        List<String> levels = d.classLevels();
        List<double[]> rows = new ArrayList<>();
        for (int c = 0; c < levels.size(); c++) {
            rows.add(meanRow(d, c));
        }
        List<ClassMean> means = new ArrayList<>();
        for (int c = 0; c < levels.size(); c++) {
            double[] l = rows.get(c);
            Wald w = wald(l, beta, covariance, dfOf, confidence);
            means.add(
                    new ClassMean(
                            levels.get(c),
                            w.estimate,
                            w.se,
                            w.df,
                            w.lower,
                            w.upper,
                            logit ? logistic(w.estimate) : w.estimate,
                            logit ? logistic(w.lower) : w.lower,
                            logit ? logistic(w.upper) : w.upper));
        }
        List<Wald> walds = new ArrayList<>();
        List<String[]> pairs = new ArrayList<>();
        for (int a = 0; a < levels.size(); a++) {
            for (int b = a + 1; b < levels.size(); b++) {
                double[] l = rows.get(a).clone();
                for (int i = 0; i < l.length; i++) {
                    l[i] -= rows.get(b)[i];
                }
                walds.add(wald(l, beta, covariance, dfOf, confidence));
                pairs.add(new String[] {levels.get(a), levels.get(b)});
            }
        }
        double[] p = walds.stream().mapToDouble(w -> w.p).toArray();
        double[] holm = Holm.adjust(p);
        List<ClassContrast> contrasts = new ArrayList<>();
        for (int i = 0; i < walds.size(); i++) {
            Wald w = walds.get(i);
            contrasts.add(
                    new ClassContrast(
                            pairs.get(i)[0],
                            pairs.get(i)[1],
                            w.estimate,
                            w.se,
                            w.df,
                            w.estimate / w.se,
                            w.p,
                            holm[i],
                            w.lower,
                            w.upper));
        }
        return new ClassInference(List.copyOf(means), List.copyOf(contrasts), dfOf != null);
    }

    /** L for class c: intercept, its class column, model columns at 1 / number of models. */
    private static double[] meanRow(MixedDesign d, int c) {
        double[] l = new double[d.p];
        l[0] = 1;
        int classes = d.classLevels().size();
        if (c > 0) {
            l[c] = 1;
        }
        int models = d.modelLevels().size();
        for (int m = classes; m < d.p; m++) {
            l[m] = 1.0 / models;
        }
        return l;
    }

    private record Wald(
            double estimate, double se, Double df, double p, double lower, double upper) {}

    private static Wald wald(
            double[] l,
            double[] beta,
            double[] covariance,
            java.util.function.ToDoubleFunction<double[]> dfOf,
            double confidence) {
        double estimate = 0;
        for (int i = 0; i < l.length; i++) {
            estimate += l[i] * beta[i];
        }
        double se = Math.sqrt(Dense.quadratic(l, covariance));
        double tail = (1 + confidence) / 2;
        if (dfOf == null) {
            double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(tail);
            return new Wald(
                    estimate,
                    se,
                    null,
                    Tails.normalTwoSided(estimate / se),
                    estimate - z * se,
                    estimate + z * se);
        }
        double df = dfOf.applyAsDouble(l);
        double t = new TDistribution(null, df).inverseCumulativeProbability(tail);
        return new Wald(
                estimate,
                se,
                df,
                Tails.studentTwoSided(estimate / se, df),
                estimate - t * se,
                estimate + t * se);
    }

    private static double logistic(double eta) {
        return 1 / (1 + Math.exp(-eta));
    }
}
