package org.eigenstudy.geometry.stimuli;

/**
 * Where a run reports its work units. Hessian points and strips differ in cost by an order of
 * magnitude, so they are counted separately; {@code reused} units were found finished on disk, so a
 * display can leave them out of its speed estimate.
 */
public interface StimulusProgress {
    StimulusProgress SILENT =
            new StimulusProgress() {
                @Override
                public void addTotal(Unit unit, long units) {}

                @Override
                public void advance(Unit unit, String what, boolean reused) {}
            };

    /** The kinds of work unit. */
    enum Unit {
        HESSIAN,
        STRIP
    }

    void addTotal(Unit unit, long units);

    void advance(Unit unit, String what, boolean reused);

    default void finish() {}
}
