package org.eigenstudy.backend.statistics.bundle;

import java.util.List;

/**
 * The bundle's {@code settings.json}: which study, which responses, and how the models are
 * specified and tested, so the R script's output can be matched to the platform's report.
 *
 * @param study the study's slug
 * @param version the study's version
 * @param maxFailedCatchTrials exclusion rule: participants who failed more catch trials are out
 * @param participantsTotal participants with at least one response
 * @param participantsExcluded of those, excluded by the rule
 * @param responses rows in responses.csv (non-catch trials of included participants)
 */
public record BundleSettings(
        String study,
        int version,
        int maxFailedCatchTrials,
        int participantsTotal,
        int participantsExcluded,
        int responses,
        List<String> classLevels,
        List<String> models,
        double confidence,
        String pAdjust,
        String dfMethod,
        String software) {

    /** The headline's models, as analysis.R fits them (docs/statistics.md). */
    public static final List<String> MODELS =
            List.of(
                    "change_seen ~ class [+ model] + (1 | participant) + (1 | model:axis),"
                            + " glmer binomial logit, Laplace (nAGQ = 1)",
                    "<measure> ~ class [+ model] + (1 + class | participant) + (1 | model:axis),"
                            + " lmer REML, for magnitude, consistency, difficulty, shared_count"
                            + " over the rows where the measure is not NA; refitted with"
                            + " (1 | participant) when the slopes' fit is singular (isSingular,"
                            + " tol 1e-4) or fails",
                    "sensitivity: magnitude and shared_count over every row, an unseen change"
                            + " scored 0, with the same random-effects selection",
                    "[+ model] only when the rows hold more than one model; classes are"
                            + " treatment-coded with top as reference");
}
