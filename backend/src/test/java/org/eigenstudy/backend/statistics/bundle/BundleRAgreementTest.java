package org.eigenstudy.backend.statistics.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eigenstudy.backend.statistics.Measure;
import org.eigenstudy.backend.statistics.mixed.ClassInference;
import org.eigenstudy.backend.statistics.mixed.GlmmFit;
import org.eigenstudy.backend.statistics.mixed.LinearMixedModel;
import org.eigenstudy.backend.statistics.mixed.LmmFit;
import org.eigenstudy.backend.statistics.mixed.LogisticMixedModel;
import org.eigenstudy.backend.statistics.mixed.MixedDesign;
import org.eigenstudy.backend.statistics.tidy.TidyData;
import org.junit.jupiter.api.Test;

/**
 * The bundle's promise: its analysis.R prints the numbers the platform computes. The committed
 * statistics/bundle/r-results.csv is what {@code Rscript analysis.R} (R 4.2.2, lme4 1.1-31,
 * lmerTest 3.1-3, emmeans 1.8.4) wrote in the unzipped bundle of the fixture; here the Java fits of
 * the same rows must equal it: 1e-4 relative (1e-3 for the GLMM's SEs, which glmer takes from a
 * finite-difference Hessian). R is not needed to run this test.
 */
class BundleRAgreementTest {

    private static final double TOL = 1e-4;
    private static final double GLMM_SE_TOL = 1e-3;

    private record Reference(String measure, String quantity, String term, double value) {}

    private static List<Reference> references() throws IOException {
        try (InputStream in =
                BundleRAgreementTest.class.getResourceAsStream(
                        "/statistics/bundle/r-results.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Reference> out = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].replace("\"", "").split(",");
                out.add(new Reference(f[0], f[1], f[2], Double.parseDouble(f[3])));
            }
            return out;
        }
    }

    @Test
    void javaFitsOfTheFixtureEqualTheBundlesRScript() throws IOException {
        TidyData data = new TidyData(ReproducibilityBundleTest.fixture(), 0, 24, 0);
        Map<String, Map<String, Double>> java = new HashMap<>();
        for (Measure m : Measure.values()) {
            java.put(m.key(), javaValues(data.design(m), m == Measure.SEEN_CHANGE));
        }
        List<Reference> refs = references();
        assertTrue(refs.size() > 100, "references for five measures: " + refs.size());
        int compared = 0;
        for (Reference r : refs) {
            String key = r.quantity() + "|" + r.term();
            // The CSV's column is change_seen; the platform's measure key is seen_change.
            String measure = r.measure().equals("change_seen") ? "seen_change" : r.measure();
            Double actual = java.get(measure).get(key);
            assertTrue(actual != null, "no Java value for " + r.measure() + " " + key);
            boolean glmmSe =
                    r.measure().equals("change_seen")
                            && (r.quantity().endsWith("se") || r.quantity().equals("p_holm"));
            double tol = glmmSe ? GLMM_SE_TOL : TOL;
            // p-values far below α are compared on the log scale: 1e-4 relative of 3e-6 is
            // rounding of the t tail, not a disagreement.
            double scale = Math.max(Math.abs(r.value()), 1e-3);
            assertEquals(
                    r.value(),
                    actual,
                    tol * scale,
                    r.measure() + " " + key + ": R " + r.value() + ", Java " + actual);
            compared++;
        }
        assertEquals(refs.size(), compared);
    }

    /** The quantities analysis.R writes, keyed "quantity|term", computed by the Java classes. */
    private static Map<String, Double> javaValues(MixedDesign design, boolean binary) {
        Map<String, Double> v = new HashMap<>();
        double[] beta;
        double[] se;
        ClassInference inference;
        MixedDesign d = design.withRandomEffects(false, true);
        if (binary) {
            GlmmFit fit = LogisticMixedModel.fit(d);
            beta = fit.beta();
            se = fit.standardErrors();
            v.put("var_participant|", fit.participantVariance());
            v.put("var_axis|", fit.axisVariance());
            v.put("logLik|", fit.logLik());
            inference = ClassInference.of(fit, 0.95);
        } else {
            LmmFit fit = LinearMixedModel.fit(d, true);
            beta = fit.beta();
            se = fit.standardErrors();
            v.put("var_participant|", fit.participantVariance());
            v.put("var_axis|", fit.axisVariance());
            v.put("sigma2|", fit.residualVariance());
            v.put("logLik|", fit.logLik());
            inference = ClassInference.of(fit, 0.95);
        }
        for (int i = 0; i < beta.length; i++) {
            v.put("beta|" + d.fixedNames().get(i), beta[i]);
            v.put("se|" + d.fixedNames().get(i), se[i]);
        }
        for (ClassInference.ClassMean m : inference.means()) {
            v.put("emmean|" + m.axisClass(), m.estimate());
            v.put("emmean_se|" + m.axisClass(), m.standardError());
        }
        for (ClassInference.ClassContrast c : inference.contrasts()) {
            String term = c.first() + " - " + c.second();
            v.put("contrast|" + term, c.estimate());
            v.put("contrast_se|" + term, c.standardError());
            if (c.df() != null) {
                v.put("contrast_df|" + term, c.df());
            }
            v.put("p_holm|" + term, c.pHolm());
        }
        return v;
    }
}
