package org.eigenstudy.backend.statistics.mixed;

import static org.eigenstudy.backend.statistics.mixed.MixedReference.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.eigenstudy.backend.statistics.mixed.ClassInference.ClassContrast;
import org.eigenstudy.backend.statistics.mixed.ClassInference.ClassMean;
import org.junit.jupiter.api.Test;

/**
 * A study whose conditions are direction methods (the metric's top axes, GANSpace, SeFa, random):
 * method is the fixed effect, participants and axes random, and the class means and every pairwise
 * contrast (Holm over the six) agree with lme4 / emmeans on data-methods.csv
 * (methods-references.R). The design is built from the platform's full level list, so this also
 * checks that levels without rows drop out as they do in R.
 */
class MethodConditionsRTest {

    private static final String DATA = "methods";

    @Test
    void methodMeansAndContrastsAgreeWithEmmeans() {
        MixedDesign design = MixedReference.magnitude(DATA, false, true);
        assertEquals(List.of("top", "ganspace", "sefa", "random"), design.classLevels());
        LmmFit fit = LinearMixedModel.fit(design, true);
        assertClose(DATA, "reml", "beta", fit.beta(), 1e-4, 1e-3);
        ClassInference inference = ClassInference.of(fit, 0.95);
        List<ClassMean> m = inference.means();
        check("reml", "emm", m, ClassMean::estimate);
        check("reml", "emm_se", m, ClassMean::standardError);
        check("reml", "emm_df", m, ClassMean::df);
        check("reml", "emm_lower", m, ClassMean::lower);
        check("reml", "emm_upper", m, ClassMean::upper);
        List<ClassContrast> c = inference.contrasts();
        assertEquals(6, c.size());
        assertEquals(List.of("top", "ganspace"), List.of(c.get(0).first(), c.get(0).second()));
        assertEquals(List.of("sefa", "random"), List.of(c.get(5).first(), c.get(5).second()));
        check("reml", "contrast_estimate", c, ClassContrast::estimate);
        check("reml", "contrast_se", c, ClassContrast::standardError);
        check("reml", "contrast_df", c, ClassContrast::df);
        check("reml", "contrast_p_holm", c, ClassContrast::pHolm);
        check("reml", "contrast_lower", c, ClassContrast::lower);
        check("reml", "contrast_upper", c, ClassContrast::upper);
    }

    @Test
    void seenProbabilitiesAgreeWithEmmeansAndRankTheMethodsAsRDoes() {
        ClassInference inference =
                ClassInference.of(LogisticMixedModel.fit(MixedReference.seen(DATA)), 0.95);
        List<ClassMean> m = inference.means();
        assertClose(DATA, "glmm", "emm_prob", values(m, ClassMean::responseEstimate), 1e-4, 1e-3);
        assertClose(DATA, "glmm", "emm_lower", values(m, ClassMean::responseLower), 1e-3, 0);
        assertClose(DATA, "glmm", "emm_upper", values(m, ClassMean::responseUpper), 1e-3, 0);
        assertClose(
                DATA,
                "glmm",
                "contrast_estimate",
                values(inference.contrasts(), ClassContrast::estimate),
                1e-4,
                1e-2);
        assertClose(
                DATA,
                "glmm",
                "contrast_p_holm",
                values(inference.contrasts(), ClassContrast::pHolm),
                1e-2,
                1e-6);
        // The ranking R's probabilities give, highest first, is the one the means give here.
        double[] r = MixedReference.values(DATA, "glmm", "emm_prob");
        List<String> levels = List.of("top", "ganspace", "sefa", "random");
        List<String> fromR =
                levels.stream()
                        .sorted(Comparator.comparingDouble(l -> -r[levels.indexOf(l)]))
                        .toList();
        List<String> here =
                m.stream()
                        .sorted(Comparator.comparingDouble(x -> -x.responseEstimate()))
                        .map(ClassMean::axisClass)
                        .toList();
        assertEquals(fromR, here);
    }

    private static <T> void check(
            String fit, String quantity, List<T> rows, ToDoubleFunction<T> f) {
        assertClose(DATA, fit, quantity, values(rows, f), 1e-4, 1e-3);
    }

    private static <T> double[] values(List<T> rows, ToDoubleFunction<T> f) {
        return rows.stream().mapToDouble(f).toArray();
    }
}
