package org.eigenstudy.geometry.progress;

/**
 * Told after each step of a piece of work, as {@code done} of {@code total}; the CLI draws a
 * progress bar with an ETA from it.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> {};

    /** Steps per unit in {@link #part}: fine enough for a bar, far from int overflow. */
    int UNIT = 1000;

    void progress(int done, int total);

    /**
     * This listener as seen by unit {@code index} of {@code count} equal units (one Hessian of a
     * survey, say): the unit's own steps (its rows, columns or HVPs) move the bar by their fraction
     * of the unit, so a single long Hessian still shows progress and an ETA.
     */
    default ProgressListener part(int index, int count) {
        return (done, total) ->
                progress(index * UNIT + done * UNIT / Math.max(1, total), count * UNIT);
    }
}
