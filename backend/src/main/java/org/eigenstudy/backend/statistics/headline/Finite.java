package org.eigenstudy.backend.statistics.headline;

import java.util.ArrayList;
import java.util.List;
import org.eigenstudy.backend.statistics.mixed.ClassInference.ClassContrast;
import org.eigenstudy.backend.statistics.mixed.ClassInference.ClassMean;

/**
 * Rejects a headline holding NaN or an infinity (a degenerate fit, e.g. a single participant): JSON
 * has no such numbers, and a reader should see why the model is missing, not a blank.
 */
final class Finite {

    private Finite() {}

    static MeasureHeadline check(MeasureHeadline h) {
        List<Double> all = new ArrayList<>();
        for (ClassMean m : h.means()) {
            all.addAll(
                    List.of(
                            m.estimate(),
                            m.standardError(),
                            m.lower(),
                            m.upper(),
                            m.responseEstimate(),
                            m.responseLower(),
                            m.responseUpper()));
            if (m.df() != null) {
                all.add(m.df());
            }
        }
        for (ClassContrast c : h.contrasts()) {
            all.addAll(List.of(c.estimate(), c.standardError(), c.statistic(), c.p(), c.pHolm()));
            all.addAll(List.of(c.lower(), c.upper()));
            if (c.df() != null) {
                all.add(c.df());
            }
        }
        h.effectSizes().forEach(e -> all.addAll(List.of(e.estimate(), e.lower(), e.upper())));
        MeasureHeadline.VarianceComponents v = h.variance();
        all.addAll(List.of(v.participant(), v.axis(), v.iccParticipant(), v.iccAxis(), h.logLik()));
        if (v.residual() != null) {
            all.add(v.residual());
        }
        if (v.participantCovariance() != null) {
            all.addAll(v.participantCovariance());
        }
        for (double d : all) {
            if (!Double.isFinite(d)) {
                throw new IllegalStateException(
                        "the fit is degenerate (a standard error or df is not finite): too few"
                                + " participants, axes or trials");
            }
        }
        return h;
    }
}
