package org.eigenstudy.backend.statistics.tidy;

import java.util.Arrays;
import java.util.List;
import org.eigenstudy.backend.statistics.Measure;
import org.eigenstudy.backend.statistics.mixed.MixedDesign;
import org.eigenstudy.studyconfig.model.AxisClass;

/**
 * The responses a study's mixed models are fitted to, and how they were selected.
 *
 * @param rows the answered non-catch trials of included participants
 * @param maxFailedCatchTrials the exclusion rule: a participant who failed more is left out
 * @param participantsTotal participants with at least one response
 * @param participantsExcluded of those, left out by the rule
 */
public record TidyData(
        List<TidyResponse> rows,
        int maxFailedCatchTrials,
        int participantsTotal,
        int participantsExcluded) {

    /** The axis classes in the models' level order: the first is the reference level. */
    public static final List<String> CLASS_LEVELS =
            Arrays.stream(AxisClass.values()).map(AxisClass::label).toList();

    public TidyData {
        rows = List.copyOf(rows);
    }

    /**
     * lme4's model frame for one measure: {@code measure ~ class [+ model] + (1 | participant) + (1
     * | model:axis)} over the rows that have a value (so the follow-up ratings only where a change
     * was seen); null when no row has one.
     */
    public MixedDesign design(Measure measure) {
        MixedDesign.Builder b = MixedDesign.builder(CLASS_LEVELS);
        int added = 0;
        for (TidyResponse r : rows) {
            double v = r.value(measure);
            if (!Double.isNaN(v)) {
                b.add(r.participant(), r.model(), r.axis(), r.axisClass().label(), v);
                added++;
            }
        }
        return added == 0 ? null : b.build();
    }
}
