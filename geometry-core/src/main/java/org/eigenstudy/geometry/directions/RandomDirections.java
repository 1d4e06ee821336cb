package org.eigenstudy.geometry.directions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.eigenstudy.geometry.stimuli.Seeds;

/**
 * The control condition: unit vectors drawn uniformly on the sphere (a standard normal vector,
 * normalised, is isotropic), each from its own seeded stream so that asking for more vectors never
 * changes the first ones.
 */
public final class RandomDirections {

    private RandomDirections() {}

    public static DirectionSet draw(int dim, int count, long seed) {
        if (dim < 1 || count < 1) {
            throw new IllegalArgumentException("random directions need dim >= 1 and count >= 1");
        }
        List<Direction> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            SplittableRandom random =
                    new SplittableRandom(Seeds.derive(seed, "random-direction", k));
            double[] g = new double[dim];
            for (int i = 0; i < dim; i++) {
                g[i] = gaussian(random);
            }
            out.add(new Direction("random-" + (k + 1), UnitVectors.normalised(g, "a draw"), null));
        }
        return new DirectionSet("random", out, Map.of("seed", seed, "count", count));
    }

    /**
     * A standard normal deviate by Box–Muller (SplittableRandom has no nextGaussian on Java 17).
     */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
