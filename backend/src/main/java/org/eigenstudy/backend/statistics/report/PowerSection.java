package org.eigenstudy.backend.statistics.report;

import java.util.List;
import org.eigenstudy.backend.statistics.planning.PowerRun;

/**
 * The report's sample-size planning: the last power simulation run per measure, as it was run. The
 * report never simulates (that takes up to a minute); it shows what a researcher ran under "Plan
 * sample size", and says so when nothing was.
 *
 * @param note how to read the runs, or where to start one when there is none
 * @param runs the last run per measure, in the headline's order of measures; empty when none
 */
public record PowerSection(String note, List<PowerRun> runs) {

    static final String NONE =
            "No power simulation has been run for this study version. Run one under \"Plan sample"
                    + " size\" in the dashboard (POST /api/researcher/studies/{id}/statistics/power);"
                    + " the last run per measure is then shown here.";

    static final String SOME =
            "The last power simulation per measure run under \"Plan sample size\", as it was run:"
                    + " its pilot was the study's responses at that time (pilotParticipants,"
                    + " pilotResponses). Run it again after more responses arrive.";

    public PowerSection {
        runs = List.copyOf(runs);
    }

    public static PowerSection of(List<PowerRun> runs) {
        return new PowerSection(runs.isEmpty() ? NONE : SOME, runs);
    }
}
