package org.eigenstudy.geometry.stimuli;

import java.nio.file.Path;
import org.eigenstudy.geometry.model.DeviceChoice;

/**
 * How a stimuli run executes (not what it computes: that is the study config). {@code hessians} and
 * {@code shards} name precomputed Hessian shards to combine instead of computing Hessians.
 */
public record RunOptions(DeviceChoice device, int batch, Path hessians, int shards) {

    public static RunOptions local(DeviceChoice device, int batch) {
        return new RunOptions(device, batch, null, 0);
    }

    public boolean fromShards() {
        return hessians != null;
    }
}
