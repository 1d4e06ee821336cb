package org.eigenstudy.studyconfig.model;

import java.util.ArrayList;
import java.util.List;
import org.eigenstudy.studyconfig.Problem;

/**
 * How one model's stimuli are made: the Hessian estimate, which axes, how many reference codes and
 * how they are drawn, the frames of each strip (from {@code -distance} to {@code +distance}, or at
 * equal image-distance steps up to a matched endpoint when {@code matchedSteps} is set, with {@code
 * distance} the furthest searched), the exploration (null = the model card's default for the
 * space), the image files and the seed. {@code directions} holds the other methods' options.
 */
public record StimulusSpec(
        HessianSpec hessian,
        AxesSpec axes,
        DirectionsSpec directions,
        int references,
        ReferencePrior referencePrior,
        int frames,
        Exploration exploration,
        double distance,
        MatchedSteps matchedSteps,
        ImageSpec image,
        long seed) {

    /** A spec with the metric's axes at fixed latent steps only, as studies before methods. */
    public StimulusSpec(
            HessianSpec hessian,
            AxesSpec axes,
            int references,
            ReferencePrior referencePrior,
            int frames,
            Exploration exploration,
            double distance,
            ImageSpec image,
            long seed) {
        this(
                hessian,
                axes,
                DirectionsSpec.DEFAULT,
                references,
                referencePrior,
                frames,
                exploration,
                distance,
                null,
                image,
                seed);
    }

    /**
     * The checks that need the latent space's dimension, which only the model card knows. Field
     * paths are relative to the {@code stimuli} block (e.g. {@code axes.top}); problems carry no
     * location ({@code StudyConfig.checkAgainstDimension} adds it). Empty when the spec fits.
     */
    public List<Problem> checkAgainstDimension(int dim) {
        List<Problem> problems = new ArrayList<>();
        if (axes.top() > dim) {
            problems.add(
                    Problem.unlocated(
                            "axes.top",
                            "asks for "
                                    + axes.top()
                                    + " top eigenvectors but the space has "
                                    + dim
                                    + " dimensions"));
        }
        if (axes.bottom() > dim) {
            problems.add(
                    Problem.unlocated(
                            "axes.bottom",
                            "asks for "
                                    + axes.bottom()
                                    + " bottom eigenvectors but the space has "
                                    + dim
                                    + " dimensions"));
        }
        if (axes.top() + axes.bottom() > dim) {
            problems.add(
                    Problem.unlocated(
                            "axes",
                            "top + bottom = "
                                    + (axes.top() + axes.bottom())
                                    + " exceeds the space's "
                                    + dim
                                    + " dimensions, so top and bottom axes would overlap"));
        }
        if (axes.orthogonal() > 0 && axes.orthogonalExcludeTop() + axes.orthogonal() > dim) {
            problems.add(
                    Problem.unlocated(
                            "axes.orthogonal_exclude_top",
                            "orthogonal_exclude_top + orthogonal = "
                                    + (axes.orthogonalExcludeTop() + axes.orthogonal())
                                    + " exceeds the space's "
                                    + dim
                                    + " dimensions"));
        }
        for (AxisClass method : List.of(AxisClass.GANSPACE, AxisClass.SEFA)) {
            if (axes.count(method) > dim) {
                problems.add(
                        Problem.unlocated(
                                "axes." + method.yamlName(),
                                "asks for "
                                        + axes.count(method)
                                        + " "
                                        + method.yamlName()
                                        + " directions but the space has "
                                        + dim
                                        + " dimensions"));
            }
        }
        return problems;
    }
}
