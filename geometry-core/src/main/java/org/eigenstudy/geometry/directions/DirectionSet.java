package org.eigenstudy.geometry.directions;

import java.util.List;
import java.util.Map;

/**
 * The directions one method gave for one latent space, in the method's order (strongest first),
 * with its provenance: the inputs that recompute them (seed, weight names, sample count, file and
 * its SHA-256), written beside the vectors.
 */
public record DirectionSet(
        String method, List<Direction> directions, Map<String, Object> provenance) {

    public DirectionSet {
        directions = List.copyOf(directions);
        provenance = Map.copyOf(provenance);
    }

    public int dim() {
        return directions.get(0).vector().length;
    }
}
