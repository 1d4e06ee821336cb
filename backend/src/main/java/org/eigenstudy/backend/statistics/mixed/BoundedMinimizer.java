package org.eigenstudy.backend.statistics.mixed;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Bound-constrained derivative-free minimisation as lmer does it: Powell's BOBYQA (Commons Math's
 * port) with 2n + 1 interpolation points and lower bounds only. Commons Math's BOBYQA needs at
 * least two parameters; a single one (one random intercept) is minimised by Brent's method on
 * [lower, lower + 100] instead, which reaches the same optimum of the one-dimensional profiled
 * deviance.
 */
final class BoundedMinimizer {

    /** Final trust-region radius; lme4's optimum is reproduced to ~1e-7 relative at this value. */
    static final double STOPPING_RADIUS = 1e-8;

    /** The initial trust-region radius for a start that may be far from the optimum. */
    static final double INITIAL_RADIUS = 0.2;

    private static final int MAX_EVALUATIONS = 100_000;

    static {
        OptimizerCompilation.keepC2AwayFromBobyqa();
    }

    private BoundedMinimizer() {}

    static double[] minimize(ToDoubleFunction<double[]> f, double[] start, double[] lower) {
        return minimize(f, start, lower, STOPPING_RADIUS);
    }

    /** As above with another final trust-region radius (a first stage that is refined later). */
    static double[] minimize(
            ToDoubleFunction<double[]> f, double[] start, double[] lower, double stoppingRadius) {
        return minimize(f, start, lower, INITIAL_RADIUS, stoppingRadius);
    }

    /**
     * As above with another initial trust-region radius (for a start known to be near the optimum);
     * Brent's method, for one parameter, ignores it.
     */
    static double[] minimize(
            ToDoubleFunction<double[]> f,
            double[] start,
            double[] lower,
            double initialRadius,
            double stoppingRadius) {
        int n = start.length;
        if (n == 1) {
            double lo = Double.isInfinite(lower[0]) ? start[0] - 100 : lower[0];
            UnivariateFunction g = x -> f.applyAsDouble(new double[] {x});
            UnivariatePointValuePair best =
                    new BrentOptimizer(Math.min(1e-6, stoppingRadius * 1e-4), 1e-14)
                            .optimize(
                                    new MaxEval(MAX_EVALUATIONS),
                                    new UnivariateObjectiveFunction(g),
                                    GoalType.MINIMIZE,
                                    new SearchInterval(lo, lo + 100, Math.max(lo, start[0])));
            // Brent never evaluates the end points; a variance at its bound 0 is common.
            double atBound = f.applyAsDouble(new double[] {lo});
            return new double[] {atBound <= best.getValue() ? lo : best.getPoint()};
        }
        double[] upper = new double[n];
        java.util.Arrays.fill(upper, Double.POSITIVE_INFINITY);
        PointValuePair best =
                new BOBYQAOptimizer(2 * n + 1, initialRadius, stoppingRadius)
                        .optimize(
                                new MaxEval(MAX_EVALUATIONS),
                                new ObjectiveFunction(f::applyAsDouble),
                                GoalType.MINIMIZE,
                                new InitialGuess(start),
                                new SimpleBounds(lower, upper));
        return best.getPoint();
    }
}
