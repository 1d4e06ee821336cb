package org.eigenstudy.backend.statistics.planning.service;

import java.util.ArrayList;
import java.util.List;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.statistics.Measure;
import org.eigenstudy.studyconfig.Problem;

/**
 * What a researcher asks the simulation for (JSON body of {@code POST .../statistics/power}); null
 * means "not given".
 *
 * @param measure a measure key (seen_change, magnitude, consistency, difficulty, shared_count)
 * @param participants participant counts to simulate
 * @param axesPerClass axes per class to simulate; default: as many as the pilot had
 * @param simulations simulated studies per grid cell; default {@link #DEFAULT_SIMULATIONS}
 * @param seed the random seed; default 1
 */
public record PowerRequest(
        String measure,
        List<Integer> participants,
        List<Integer> axesPerClass,
        Integer simulations,
        Long seed) {

    public static final int DEFAULT_SIMULATIONS = 200;
    public static final int MIN_SIMULATIONS = 20;
    public static final int MAX_SIMULATIONS = 2_000;
    public static final int MAX_PARTICIPANT_COUNTS = 10;
    public static final int MIN_PARTICIPANTS = 3;
    public static final int MAX_PARTICIPANTS = 1_000;
    public static final int MAX_AXIS_COUNTS = 4;
    public static final int MIN_AXES = 2;
    public static final int MAX_AXES = 200;

    /**
     * The expected single-thread work one request may ask for (ms; about 45 s on two cores): more
     * would let one request occupy the server for minutes.
     */
    public static final double MAX_WORK_MS = 90_000;

    /** The measure, or a 422 naming every field that breaks its bounds. */
    Measure validate() {
        List<Problem> problems = new ArrayList<>();
        Measure m = null;
        if (measure == null) {
            problems.add(Problem.of("measure", "required", "measure is required"));
        } else {
            for (Measure candidate : Measure.values()) {
                if (candidate.key().equals(measure)) {
                    m = candidate;
                }
            }
            if (m == null) {
                problems.add(
                        Problem.of(
                                "measure",
                                "unknown",
                                "measure must be one of seen_change, magnitude, consistency,"
                                        + " difficulty, shared_count; got '"
                                        + measure
                                        + "'"));
            }
        }
        counts(
                problems,
                "participants",
                participants,
                true,
                MAX_PARTICIPANT_COUNTS,
                MIN_PARTICIPANTS,
                MAX_PARTICIPANTS);
        counts(problems, "axesPerClass", axesPerClass, false, MAX_AXIS_COUNTS, MIN_AXES, MAX_AXES);
        if (simulations != null
                && (simulations < MIN_SIMULATIONS || simulations > MAX_SIMULATIONS)) {
            problems.add(
                    Problem.of(
                            "simulations",
                            "range",
                            "simulations must be between "
                                    + MIN_SIMULATIONS
                                    + " and "
                                    + MAX_SIMULATIONS
                                    + ", got "
                                    + simulations));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems);
        }
        return m;
    }

    private static void counts(
            List<Problem> problems,
            String field,
            List<Integer> values,
            boolean required,
            int maxValues,
            int min,
            int max) {
        if (values == null || values.isEmpty()) {
            if (required) {
                problems.add(
                        Problem.of(field, "required", field + " must list at least one count"));
            }
            return;
        }
        if (values.size() > maxValues) {
            problems.add(
                    Problem.of(
                            field,
                            "size",
                            field
                                    + " may list at most "
                                    + maxValues
                                    + " counts, got "
                                    + values.size()));
        }
        if (values.stream().distinct().count() != values.size()) {
            problems.add(Problem.of(field, "distinct", field + " must not repeat a count"));
        }
        for (int i = 0; i < values.size(); i++) {
            Integer v = values.get(i);
            if (v == null || v < min || v > max) {
                problems.add(
                        Problem.of(
                                field + "[" + i + "]",
                                "range",
                                field + " must be between " + min + " and " + max + ", got " + v));
            }
        }
    }

    int simulationsOrDefault() {
        return simulations == null ? DEFAULT_SIMULATIONS : simulations;
    }

    long seedOrDefault() {
        return seed == null ? 1L : seed;
    }
}
