package org.eigenstudy.studyconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.eigenstudy.studyconfig.model.AxesSpec;
import org.eigenstudy.studyconfig.model.ModelSpec;
import org.eigenstudy.studyconfig.model.StimulusSpec;
import org.junit.jupiter.api.Test;

class DimensionCheckTest {

    private static StimulusSpec withAxes(int top, int orthogonal, int exclude, int bottom)
            throws StudyConfigException {
        StimulusSpec spec =
                StudyConfigParser.parse(
                                "study: {slug: dims, title: D}\n"
                                        + "models: [{id: m1, card: c.json, space: z, stimuli: {distance: 1}}]\n",
                                "dims.yaml")
                        .models()
                        .get(0)
                        .stimuli();
        return new StimulusSpec(
                spec.hessian(),
                new AxesSpec(top, orthogonal, exclude, bottom),
                spec.references(),
                spec.referencePrior(),
                spec.frames(),
                spec.exploration(),
                spec.distance(),
                spec.image(),
                spec.seed());
    }

    @Test
    void aSpecThatFitsHasNoProblems() throws StudyConfigException {
        assertEquals(List.of(), withAxes(10, 10, 15, 10).checkAgainstDimension(64));
        // Exactly filling the space is allowed: 32 + 32 = 64, 54 + 10 = 64.
        assertEquals(List.of(), withAxes(32, 10, 54, 32).checkAgainstDimension(64));
    }

    @Test
    void topLargerThanTheSpace() throws StudyConfigException {
        assertEquals(
                List.of(
                        Problem.unlocated(
                                "axes.top",
                                "asks for 9 top eigenvectors but the space has 8 dimensions"),
                        Problem.unlocated(
                                "axes",
                                "top + bottom = 10 exceeds the space's 8 dimensions, so top and"
                                        + " bottom axes would overlap")),
                withAxes(9, 0, 0, 1).checkAgainstDimension(8));
    }

    @Test
    void bottomLargerThanTheSpace() throws StudyConfigException {
        assertEquals(
                "asks for 9 bottom eigenvectors but the space has 8 dimensions",
                withAxes(0, 0, 0, 9).checkAgainstDimension(8).get(0).message());
    }

    @Test
    void topAndBottomOverlap() throws StudyConfigException {
        assertEquals(
                List.of("axes"),
                withAxes(5, 0, 0, 4).checkAgainstDimension(8).stream()
                        .map(Problem::field)
                        .toList());
    }

    @Test
    void orthogonalNeedsRoomOutsideTheExcludedTop() throws StudyConfigException {
        assertEquals(
                List.of(
                        Problem.unlocated(
                                "axes.orthogonal_exclude_top",
                                "orthogonal_exclude_top + orthogonal = 9 exceeds the space's 8"
                                        + " dimensions")),
                withAxes(1, 3, 6, 1).checkAgainstDimension(8));
        assertEquals(
                List.of(),
                withAxes(1, 0, 60, 1).checkAgainstDimension(8),
                "no orthogonal axes, nothing to exclude");
    }

    @Test
    void configLevelCheckAddsPathAndLocation() throws StudyConfigException {
        StudyConfig config =
                StudyConfigParser.parse(
                        """
                        study: {slug: dims, title: D}
                        models:
                          - id: small
                            card: c.json
                            space: z
                            stimuli:
                              distance: 1
                              axes: {top: 10, bottom: 2}
                        design: {axis_classes: [top, bottom]}
                        """,
                        "dims.yaml");
        ModelSpec model = config.models().get(0);

        assertEquals(
                List.of(
                        new Problem(
                                "dims.yaml",
                                8,
                                19,
                                "models[0].stimuli.axes.top",
                                "asks for 10 top eigenvectors but the space has 8 dimensions"),
                        new Problem(
                                "dims.yaml",
                                8,
                                13,
                                "models[0].stimuli.axes",
                                "top + bottom = 12 exceeds the space's 8 dimensions, so top and"
                                        + " bottom axes would overlap"),
                        new Problem(
                                "dims.yaml",
                                8,
                                13,
                                "models[0].stimuli.axes.orthogonal_exclude_top",
                                "orthogonal_exclude_top + orthogonal = 25 exceeds the space's 8"
                                        + " dimensions")),
                config.checkAgainstDimension(model, 8));
        assertThrows(
                IllegalArgumentException.class,
                () -> config.checkAgainstDimension(new ModelSpec("x", "c", "z", null, null), 8));
    }
}
