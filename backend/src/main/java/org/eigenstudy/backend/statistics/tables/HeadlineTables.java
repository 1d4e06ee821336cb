package org.eigenstudy.backend.statistics.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eigenstudy.backend.statistics.headline.Headline;
import org.eigenstudy.backend.statistics.headline.MeasureHeadline;
import org.eigenstudy.backend.statistics.mixed.ClassInference.ClassContrast;
import org.eigenstudy.backend.statistics.mixed.ClassInference.ClassMean;

/**
 * The headline as three tables, independent of the output syntax (like {@link ResultsTable}): class
 * means with 95 % CIs, pairwise contrasts, variance components. The exporters put them first; the
 * trial-level tables follow under "Descriptive".
 */
record HeadlineTables(ResultsTable table, String caption) {

    static final List<String> CLASSES = List.of("top", "orthogonal", "bottom");

    static List<HeadlineTables> of(Headline headline) {
        if (headline == null) {
            return List.of();
        }
        List<MeasureHeadline> measures = new ArrayList<>();
        for (MeasureHeadline m : headline.measures()) {
            measures.add(m);
            if (m.sensitivity() != null) {
                measures.add(m.sensitivity());
            }
        }
        return List.of(means(measures, headline), contrasts(measures), variances(measures));
    }

    private static HeadlineTables means(List<MeasureHeadline> measures, Headline headline) {
        List<String> header = new ArrayList<>(List.of("measure"));
        header.addAll(CLASSES);
        List<List<String>> rows = new ArrayList<>();
        for (MeasureHeadline m : measures) {
            List<String> row = new ArrayList<>(List.of(title(m)));
            for (String c : CLASSES) {
                ClassMean mean =
                        m.means() == null
                                ? null
                                : m.means().stream()
                                        .filter(x -> x.axisClass().equals(c))
                                        .findFirst()
                                        .orElse(null);
                row.add(mean == null ? "–" : interval(m, mean));
            }
            rows.add(row);
        }
        return new HeadlineTables(
                new ResultsTable("Headline: estimated class means (mixed models)", header, rows),
                "Estimated marginal means with 95 % CIs on the response scale (seen change: a"
                        + " probability). "
                        + headline.design()
                        + " Conditional: rated only after a change was seen.");
    }

    private static HeadlineTables contrasts(List<MeasureHeadline> measures) {
        List<String> header =
                List.of(
                        "measure",
                        "contrast",
                        "difference [95 % CI]",
                        "df",
                        "P (Holm)",
                        "effect size [95 % CI]");
        List<List<String>> rows = new ArrayList<>();
        for (MeasureHeadline m : measures) {
            if (m.contrasts() == null) {
                rows.add(List.of(title(m), "–", "not fitted: " + m.unavailable(), "", "", ""));
                continue;
            }
            for (int i = 0; i < m.contrasts().size(); i++) {
                ClassContrast c = m.contrasts().get(i);
                MeasureHeadline.EffectSize e = m.effectSizes().get(i);
                rows.add(
                        List.of(
                                title(m),
                                c.first() + " − " + c.second(),
                                f(c.estimate()) + " [" + f(c.lower()) + ", " + f(c.upper()) + "]",
                                c.df() == null
                                        ? "∞ (z)"
                                        : String.format(Locale.ROOT, "%.1f", c.df()),
                                NumberFormats.p(c.pHolm()),
                                e.kind()
                                        + " "
                                        + f(e.estimate())
                                        + " ["
                                        + f(e.lower())
                                        + ", "
                                        + f(e.upper())
                                        + "]"));
            }
        }
        return new HeadlineTables(
                new ResultsTable("Headline: pairwise class contrasts", header, rows),
                "Linear models: difference of class means, t test with Satterthwaite df; seen change:"
                        + " log odds ratio, z test. P Holm-adjusted over the three pairs of one"
                        + " measure; intervals unadjusted. d = difference / √(participant + axis +"
                        + " residual variance).");
    }

    private static HeadlineTables variances(List<MeasureHeadline> measures) {
        List<String> header =
                List.of(
                        "measure",
                        "participant",
                        "axis",
                        "residual",
                        "ICC participant",
                        "ICC axis",
                        "random effects");
        List<List<String>> rows = new ArrayList<>();
        for (MeasureHeadline m : measures) {
            if (m.variance() == null) {
                continue;
            }
            MeasureHeadline.VarianceComponents v = m.variance();
            rows.add(
                    List.of(
                            title(m),
                            f(v.participant()),
                            f(v.axis()),
                            v.residual() == null ? "π²/3 (logit)" : f(v.residual()),
                            f(v.iccParticipant()),
                            f(v.iccAxis()),
                            m.formula()
                                    + (m.fallbackReason() == null
                                            ? ""
                                            : "; " + m.fallbackReason())));
        }
        return new HeadlineTables(
                new ResultsTable("Headline: variance components", header, rows),
                "Variances of the random intercepts (participant: of the top class when the model has"
                        + " random slopes) and of the residual; ICC = share of the total variance.");
    }

    private static String title(MeasureHeadline m) {
        return m.title() + (m.conditional() ? " (conditional)" : "");
    }

    private static String interval(MeasureHeadline m, ClassMean mean) {
        if (m.measure().equals("seen_change")) {
            return NumberFormats.percent(mean.responseEstimate())
                    + ResultsTable.PCT
                    + " ["
                    + NumberFormats.percent(mean.responseLower())
                    + ", "
                    + NumberFormats.percent(mean.responseUpper())
                    + "]";
        }
        return f(mean.responseEstimate())
                + " ["
                + f(mean.responseLower())
                + ", "
                + f(mean.responseUpper())
                + "]";
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
