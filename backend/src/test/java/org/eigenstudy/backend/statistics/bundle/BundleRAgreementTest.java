package org.eigenstudy.backend.statistics.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eigenstudy.backend.statistics.Measure;
import org.eigenstudy.backend.statistics.headline.Headline;
import org.eigenstudy.backend.statistics.headline.HeadlineAnalyser;
import org.eigenstudy.backend.statistics.headline.MeasureHeadline;
import org.eigenstudy.backend.statistics.mixed.GlmmFit;
import org.eigenstudy.backend.statistics.mixed.LogisticMixedModel;
import org.eigenstudy.backend.statistics.mixed.MixedDesign;
import org.eigenstudy.backend.statistics.mixed.RandomEffectsSelection;
import org.eigenstudy.backend.statistics.tidy.TidyData;
import org.eigenstudy.backend.statistics.tidy.TidyResponse;
import org.junit.jupiter.api.Test;

/**
 * The bundle's promise: its analysis.R prints the numbers of the platform's headline. The committed
 * statistics/bundle/r-results.csv is what {@code Rscript analysis.R} (R 4.2.2, lme4 1.1-31,
 * lmerTest 3.1-3, emmeans 1.8.4) wrote in the unzipped bundle of the fixture; here the headline
 * ({@link HeadlineAnalyser}) of the same trials must equal it: the random-effects structure each
 * rating's model kept, variance components, ICCs, logLik, class means, contrasts, effect sizes and
 * their intervals, sensitivity analyses included; 1e-4 relative (1e-3 for what the GLMM's SEs
 * enter, which glmer takes from a finite-difference Hessian). β̂ and its SEs, which the headline
 * does not show, come from the same {@link RandomEffectsSelection} of the same rows. R is not
 * needed to run this test.
 */
class BundleRAgreementTest {

    private static final double TOL = 1e-4;
    private static final double GLMM_SE_TOL = 1e-3;
    private static final Set<String> SE_DEPENDENT =
            Set.of(
                    "se",
                    "emmean_se",
                    "contrast_se",
                    "p_holm",
                    "emmean_lower",
                    "emmean_upper",
                    "contrast_lower",
                    "contrast_upper",
                    "effect_lower",
                    "effect_upper");

    private record Reference(String measure, String quantity, String term, double value) {}

    private static List<Reference> references() throws IOException {
        try (InputStream in =
                BundleRAgreementTest.class.getResourceAsStream(
                        "/statistics/bundle/r-results.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Reference> out = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].replace("\"", "").split(",");
                // The CSV's column is change_seen; the platform's measure key is seen_change.
                String measure = f[0].equals("change_seen") ? "seen_change" : f[0];
                out.add(new Reference(measure, f[1], f[2], Double.parseDouble(f[3])));
            }
            return out;
        }
    }

    @Test
    void theHeadlineOfTheFixtureEqualsTheBundlesRScript() throws IOException {
        List<TidyResponse> rows = ReproducibilityBundleTest.fixture();
        Headline headline = HeadlineAnalyser.analyse(HeadlineQuantities.trials(rows), 0.95);
        Map<String, Map<String, Double>> java = new TreeMap<>();
        for (MeasureHeadline h : headline.measures()) {
            java.put(h.measure(), HeadlineQuantities.of(h));
            if (h.sensitivity() != null) {
                java.put(h.sensitivity().measure(), HeadlineQuantities.of(h.sensitivity()));
            }
        }
        for (Map.Entry<String, Map<String, Double>> e : java.entrySet()) {
            e.getValue().putAll(coefficients(rows, e.getKey(), e.getValue()));
        }

        Map<String, Map<String, Double>> r = new TreeMap<>();
        for (Reference ref : references()) {
            r.computeIfAbsent(ref.measure(), k -> new HashMap<>())
                    .put(ref.quantity() + "|" + ref.term(), ref.value());
        }
        assertEquals(java.keySet(), r.keySet(), "the same models, sensitivity analyses included");
        Map<String, Boolean> slopes = new LinkedHashMap<>();
        for (String measure : r.keySet()) {
            // The structure first, so that a different choice is named as such.
            assertEquals(
                    r.get(measure).get("random_slopes|"),
                    java.get(measure).get("random_slopes|"),
                    measure + ": R and the platform kept different random effects");
            assertEquals(
                    r.get(measure).keySet(),
                    java.get(measure).keySet(),
                    measure + ": the same quantities");
            Double kept = r.get(measure).get("random_slopes|");
            if (kept != null) {
                slopes.put(measure, kept == 1);
            }
        }
        // The fixture exercises both paths of the selection (make-fixture.R gives magnitude and
        // difficulty by-participant slopes, the other ratings none).
        assertTrue(slopes.containsValue(true) && slopes.containsValue(false), slopes.toString());

        int compared = 0;
        for (Reference ref : references()) {
            String key = ref.quantity() + "|" + ref.term();
            double actual = java.get(ref.measure()).get(key);
            boolean glmmSe =
                    ref.measure().equals("seen_change") && SE_DEPENDENT.contains(ref.quantity());
            double tol = glmmSe ? GLMM_SE_TOL : TOL;
            // Numbers far below 1 (p-values, covariances near 0) are compared to 1e-3 absolute
            // scale: 1e-4 relative of 3e-6 is rounding of the t tail, not a disagreement.
            double scale = Math.max(Math.abs(ref.value()), 1e-3);
            assertEquals(
                    ref.value(),
                    actual,
                    tol * scale,
                    ref.measure() + " " + key + ": R " + ref.value() + ", Java " + actual);
            compared++;
        }
        assertTrue(compared > 300, "numbers compared: " + compared);
    }

    /**
     * β̂ and its SEs, which the headline does not show: the same model of the same rows, the GLMM
     * with intercepts only, a rating through the headline's {@link RandomEffectsSelection}, which
     * must keep the structure the headline kept.
     */
    private static Map<String, Double> coefficients(
            List<TidyResponse> rows, String key, Map<String, Double> headline) {
        double[] beta;
        double[] se;
        List<String> names;
        if (key.equals(Measure.SEEN_CHANGE.key())) {
            MixedDesign d =
                    new TidyData(rows, 0, 0, 0)
                            .design(Measure.SEEN_CHANGE)
                            .withRandomEffects(false, true);
            GlmmFit fit = LogisticMixedModel.fit(d);
            beta = fit.beta();
            se = fit.standardErrors();
            names = d.fixedNames();
        } else {
            boolean unseenAsZero = key.endsWith("_unseen_as_zero");
            Measure m = measure(key.replace("_unseen_as_zero", ""));
            MixedDesign.Builder b = MixedDesign.builder(TidyData.CLASS_LEVELS).randomSlopes(true);
            for (TidyResponse row : rows) {
                double y = unseenAsZero && !row.changeSeen() ? 0 : row.value(m);
                if (!Double.isNaN(y)) {
                    b.add(row.participant(), row.model(), row.axis(), row.axisClass().label(), y);
                }
            }
            RandomEffectsSelection selection = RandomEffectsSelection.fit(b.build(), true);
            assertEquals(
                    headline.get("random_slopes|"),
                    selection.randomSlopes() ? 1.0 : 0.0,
                    key + ": the headline's structure");
            beta = selection.fit().beta();
            se = selection.fit().standardErrors();
            names = selection.fit().fixedNames();
        }
        Map<String, Double> v = new HashMap<>();
        for (int i = 0; i < beta.length; i++) {
            v.put("beta|" + names.get(i), beta[i]);
            v.put("se|" + names.get(i), se[i]);
        }
        return v;
    }

    private static Measure measure(String key) {
        for (Measure m : Measure.values()) {
            if (m.key().equals(key)) {
                return m;
            }
        }
        return fail("no measure " + key);
    }
}
