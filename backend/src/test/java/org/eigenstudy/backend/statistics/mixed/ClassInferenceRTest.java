package org.eigenstudy.backend.statistics.mixed;

import static org.eigenstudy.backend.statistics.mixed.MixedReference.assertClose;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eigenstudy.backend.statistics.mixed.ClassInference.ClassContrast;
import org.eigenstudy.backend.statistics.mixed.ClassInference.ClassMean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Marginal means and class contrasts against emmeans 1.8.4 and lmerTest 3.1-3 (R calls quoted in
 * references.csv): for the REML fits {@code emmeans(fit, ~class, lmer.df = "satterthwaite")} and
 * {@code contrast(emm, list(top - orthogonal, top - bottom, orthogonal - bottom), adjust =
 * "holm")}, and lmerTest's {@code contest(fit, L, ddf = "Satterthwaite")}; for the GLMM {@code
 * summary(emmeans(fit, ~class), type = "response")}.
 */
class ClassInferenceRTest {

    /** Satterthwaite df rest on a numerical Hessian in R and here: 1e-4 relative. */
    static final double RELATIVE = 1e-4;

    static Stream<Arguments> remlFits() {
        return MixedReference.DATASETS.stream()
                .flatMap(
                        d ->
                                MixedReference.has(d, "slopes", "emm")
                                        ? Stream.of(
                                                Arguments.of(d, "reml"), Arguments.of(d, "slopes"))
                                        : Stream.of(Arguments.of(d, "reml")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("remlFits")
    void linearModelAgreesWithEmmeansAndLmerTest(String dataset, String name) {
        LmmFit fit = LinearMixedModelRTest.fit(dataset, name);
        ClassInference inference = ClassInference.of(fit, 0.95);
        List<ClassMean> m = inference.means();
        check(dataset, name, "emm", m, ClassMean::estimate);
        check(dataset, name, "emm_se", m, ClassMean::standardError);
        check(dataset, name, "emm_df", m, ClassMean::df);
        check(dataset, name, "emm_lower", m, ClassMean::lower);
        check(dataset, name, "emm_upper", m, ClassMean::upper);
        List<ClassContrast> c = inference.contrasts();
        check(dataset, name, "contrast_estimate", c, ClassContrast::estimate);
        check(dataset, name, "contrast_se", c, ClassContrast::standardError);
        check(dataset, name, "contrast_df", c, ClassContrast::df);
        check(dataset, name, "lmertest_df", c, ClassContrast::df);
        check(dataset, name, "lmertest_p", c, ClassContrast::p);
        check(dataset, name, "contrast_p_holm", c, ClassContrast::pHolm);
        check(dataset, name, "contrast_lower", c, ClassContrast::lower);
        check(dataset, name, "contrast_upper", c, ClassContrast::upper);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.eigenstudy.backend.statistics.mixed.MixedReference#datasets")
    void logisticModelAgreesWithEmmeans(String dataset) {
        ClassInference inference = ClassInference.of(LogisticMixedModelRTest.fit(dataset), 0.95);
        List<ClassMean> m = inference.means();
        check(dataset, "glmm", "emm_logit", m, ClassMean::estimate);
        // The SE and the interval rest on the SEs, which glmer takes from a cruder Hessian: 1e-3.
        assertClose(dataset, "glmm", "emm_logit_se", values(m, ClassMean::standardError), 1e-3, 0);
        check(dataset, "glmm", "emm_prob", m, ClassMean::responseEstimate);
        assertClose(dataset, "glmm", "emm_lower", values(m, ClassMean::responseLower), 1e-3, 0);
        assertClose(dataset, "glmm", "emm_upper", values(m, ClassMean::responseUpper), 1e-3, 0);
        List<ClassContrast> c = inference.contrasts();
        // A contrast R puts at ~1e-7 (singular: top and orthogonal equal) is compared on the scale
        // of its SE (~0.6), not relative to its own size.
        assertClose(
                dataset,
                "glmm",
                "contrast_estimate",
                values(c, ClassContrast::estimate),
                1e-4,
                1e-2);
        assertClose(
                dataset, "glmm", "contrast_p_holm", values(c, ClassContrast::pHolm), 1e-2, 1e-6);
    }

    private static <T> void check(
            String dataset, String fit, String quantity, List<T> rows, Function<T, Double> f) {
        assertClose(dataset, fit, quantity, values(rows, f), RELATIVE, 1e-3);
    }

    private static <T> double[] values(List<T> rows, Function<T, Double> f) {
        return rows.stream().mapToDouble(r -> f.apply(r)).toArray();
    }
}
