package org.eigenstudy.backend.statistics.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eigenstudy.backend.statistics.Measure;
import org.eigenstudy.backend.statistics.headline.HeadlineTrials;
import org.eigenstudy.backend.statistics.headline.MeasureHeadline;
import org.eigenstudy.backend.statistics.mixed.ClassInference.ClassContrast;
import org.eigenstudy.backend.statistics.mixed.ClassInference.ClassMean;
import org.eigenstudy.backend.statistics.tidy.TidyResponse;

/**
 * The headline's side of {@link BundleRAgreementTest}: the bundle's rows as the headline's trials,
 * and a measure's headline as the quantities analysis.R writes to r-results.csv.
 */
final class HeadlineQuantities {

    private HeadlineQuantities() {}

    /** The fixture's rows as the headline's trials (an axis is its class and rank in its model). */
    static HeadlineTrials trials(List<TidyResponse> rows) {
        HeadlineTrials trials = new HeadlineTrials();
        Map<String, Integer> participants = new HashMap<>();
        for (TidyResponse row : rows) {
            double[] values = new double[Measure.values().length];
            for (Measure m : Measure.values()) {
                values[m.ordinal()] = row.value(m);
            }
            trials.add(
                    participants.computeIfAbsent(row.participant(), p -> participants.size()),
                    new HeadlineTrials.AxisKey(
                            row.model(), "", row.axisClass(), row.rank(), Double.NaN),
                    values);
        }
        return trials;
    }

    /** What analysis.R writes, keyed "quantity|term", as the headline reports it. */
    static Map<String, Double> of(MeasureHeadline h) {
        assertNull(h.unavailable(), h.measure());
        boolean linear = h.variance().residual() != null;
        Map<String, Double> v = new HashMap<>();
        MeasureHeadline.VarianceComponents c = h.variance();
        v.put("var_participant|", c.participant());
        v.put("var_axis|", c.axis());
        v.put("icc_participant|", c.iccParticipant());
        v.put("icc_axis|", c.iccAxis());
        v.put("logLik|", h.logLik());
        if (linear) {
            v.put("sigma2|", c.residual());
            v.put("random_slopes|", h.randomSlopes() ? 1.0 : 0.0);
            assertEquals(h.randomSlopes(), h.fallbackReason() == null, h.measure());
        }
        if (c.participantCovariance() != null) {
            List<String> terms = new ArrayList<>();
            terms.add("(Intercept)");
            // Slope columns as lme4 names them (treatment contrasts, top the reference).
            for (ClassMean m : h.means().subList(1, h.means().size())) {
                terms.add("class" + m.axisClass());
            }
            int k = terms.size();
            for (int i = 0; i < k * k; i++) {
                v.put(
                        "cov_participant|" + terms.get(i / k) + ":" + terms.get(i % k),
                        c.participantCovariance().get(i));
            }
        }
        for (ClassMean m : h.means()) {
            v.put("emmean|" + m.axisClass(), m.estimate());
            v.put("emmean_se|" + m.axisClass(), m.standardError());
            v.put("emmean_lower|" + m.axisClass(), m.lower());
            v.put("emmean_upper|" + m.axisClass(), m.upper());
            if (m.df() != null) {
                v.put("emmean_df|" + m.axisClass(), m.df());
            }
        }
        for (ClassContrast k : h.contrasts()) {
            String term = k.first() + " - " + k.second();
            v.put("contrast|" + term, k.estimate());
            v.put("contrast_se|" + term, k.standardError());
            v.put("contrast_lower|" + term, k.lower());
            v.put("contrast_upper|" + term, k.upper());
            if (k.df() != null) {
                v.put("contrast_df|" + term, k.df());
            }
            v.put("p_holm|" + term, k.pHolm());
        }
        for (MeasureHeadline.EffectSize e : h.effectSizes()) {
            String term = e.first() + " - " + e.second();
            v.put("effect|" + term, e.estimate());
            v.put("effect_lower|" + term, e.lower());
            v.put("effect_upper|" + term, e.upper());
        }
        return v;
    }
}
