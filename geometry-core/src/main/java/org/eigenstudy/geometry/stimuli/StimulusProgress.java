package org.eigenstudy.geometry.stimuli;

/**
 * Where a run reports its work units (Hessian points, strips). {@code reused} units were found
 * finished on disk, so a display can leave them out of its speed estimate.
 */
public interface StimulusProgress {
    StimulusProgress SILENT =
            new StimulusProgress() {
                @Override
                public void addTotal(long units) {}

                @Override
                public void advance(String what, boolean reused) {}
            };

    void addTotal(long units);

    void advance(String what, boolean reused);

    default void finish() {}
}
