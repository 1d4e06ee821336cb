package org.eigenstudy.backend.statistics;

/**
 * @param maxFailedCatchTrials participants who failed more catch trials than this are excluded (the
 *     study YAML's {@code design.exclusion.max_failed_catch_trials}; 0 = any failure excludes)
 * @param bootstrapResamples participant-clustered bootstrap resamples (at least 2000)
 * @param seed seed of the bootstrap, so a report is reproducible
 * @param confidence confidence level of every interval (0.95)
 */
public record AnalysisOptions(
        int maxFailedCatchTrials, int bootstrapResamples, long seed, double confidence) {

    public static final int MIN_RESAMPLES = 2000;

    public AnalysisOptions {
        if (maxFailedCatchTrials < 0) {
            throw new IllegalArgumentException(
                    "maxFailedCatchTrials must be >= 0, got " + maxFailedCatchTrials);
        }
        if (bootstrapResamples < MIN_RESAMPLES) {
            throw new IllegalArgumentException(
                    "bootstrapResamples must be >= "
                            + MIN_RESAMPLES
                            + ", got "
                            + bootstrapResamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
    }

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(0, MIN_RESAMPLES, 20210113L, 0.95);
    }

    public AnalysisOptions withMaxFailedCatchTrials(int max) {
        return new AnalysisOptions(max, bootstrapResamples, seed, confidence);
    }
}
