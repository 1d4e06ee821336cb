package org.eigenstudy.backend.statistics.service;

import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.domain.DomainException.Kind;
import org.eigenstudy.backend.statistics.AnalysisOptions;

/**
 * The query parameters of the statistics endpoints, as given (null = not given). They are taken as
 * text so that a malformed number is answered with a 400 naming the parameter, not JAX-RS's bare
 * 404.
 */
public record StatisticsParameters(String maxFailedCatchTrials, String resamples, String seed) {

    public static final String MAX_FAILED = "maxFailedCatchTrials";
    public static final String RESAMPLES = "resamples";
    public static final String SEED = "seed";

    /** More resamples than this would let one request occupy the server for minutes. */
    public static final int MAX_RESAMPLES = 100_000;

    static final int MAX_FAILED_LIMIT = 1_000;

    /**
     * The analysis options: the study's own exclusion rule unless overridden, the library's default
     * bootstrap otherwise.
     */
    public AnalysisOptions options(int studyMaxFailedCatchTrials) {
        AnalysisOptions defaults = AnalysisOptions.defaults();
        long max =
                number(
                        MAX_FAILED,
                        maxFailedCatchTrials,
                        studyMaxFailedCatchTrials,
                        0,
                        MAX_FAILED_LIMIT);
        long b =
                number(
                        RESAMPLES,
                        resamples,
                        defaults.bootstrapResamples(),
                        AnalysisOptions.MIN_RESAMPLES,
                        MAX_RESAMPLES);
        long s = number(SEED, seed, defaults.seed(), Long.MIN_VALUE, Long.MAX_VALUE);
        return new AnalysisOptions((int) max, (int) b, s, defaults.confidence());
    }

    private static long number(String field, String text, long fallback, long min, long max) {
        if (text == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new DomainException(
                    Kind.MALFORMED,
                    field + " must be an integer, got '" + text + "'",
                    field,
                    "type");
        }
        if (value < min || value > max) {
            throw new DomainException(
                    Kind.MALFORMED,
                    field + " must be between " + min + " and " + max + ", got " + value,
                    field,
                    "range");
        }
        return value;
    }
}
