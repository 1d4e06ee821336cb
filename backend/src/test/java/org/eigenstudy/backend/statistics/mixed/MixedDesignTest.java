package org.eigenstudy.backend.statistics.mixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The design as lme4's model frame would build it, and the inputs it refuses. */
class MixedDesignTest {

    private static final List<String> CLASSES = MixedReference.CLASSES;

    @Test
    void treatmentContrastsWithModelsInSortOrderAndAxesNestedInModel() {
        MixedDesign d =
                MixedDesign.builder(CLASSES)
                        .add("p1", "stylegan", "1", "top", 1)
                        .add("p1", "biggan", "1", "bottom", 2)
                        .add("p2", "biggan", "2", "orthogonal", 3)
                        .build();
        assertEquals(
                List.of("(Intercept)", "classorthogonal", "classbottom", "modelstylegan"),
                d.fixedNames());
        // Axis "1" of two models is two axes.
        assertEquals(List.of("stylegan:1", "biggan:1", "biggan:2"), d.axisLevels());
        assertEquals(List.of("biggan", "stylegan"), d.modelLevels());
    }

    @Test
    void cellsGroupRowsThatShareParticipantAxisAndFixedRow() {
        MixedDesign d =
                MixedDesign.builder(CLASSES)
                        .add("p1", "m", "1", "top", 1)
                        .add("p1", "m", "1", "top", 0)
                        .add("p1", "m", "1", "top", 1)
                        .add("p1", "m", "2", "bottom", 0)
                        .add("p2", "m", "1", "top", 1)
                        .build();
        MixedDesign.Cells cells = d.cells();
        assertEquals(3, cells.design().observations());
        assertEquals(
                List.of(3.0, 1.0, 1.0), java.util.Arrays.stream(cells.counts()).boxed().toList());
        assertEquals(
                List.of(2.0, 0.0, 1.0), java.util.Arrays.stream(cells.design().y).boxed().toList());
        assertEquals(d.fixedNames(), cells.design().fixedNames());
    }

    @Test
    void aClassWithoutRowsIsLeftOut() {
        MixedDesign d =
                MixedDesign.builder(CLASSES)
                        .randomSlopes(true)
                        .add("p1", "m", "1", "top", 1)
                        .add("p1", "m", "2", "bottom", 2)
                        .build();
        assertEquals(List.of("top", "bottom"), d.classLevels());
        assertEquals(List.of("(Intercept)", "classbottom"), d.fixedNames());
    }

    @Test
    void badInputIsRefusedWithAReason() {
        MixedDesign.Builder b = MixedDesign.builder(CLASSES);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> b.add("p", "m", "a", "middle", 1));
        assertTrue(e.getMessage().contains("middle"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.add("p", "m", "a", "top", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> MixedDesign.builder(CLASSES).build());
        assertThrows(IllegalArgumentException.class, () -> MixedDesign.builder(List.of("a", "a")));
        MixedDesign notBinary =
                MixedDesign.builder(CLASSES)
                        .add("p1", "m", "1", "top", 0.5)
                        .add("p2", "m", "2", "bottom", 1)
                        .build();
        assertThrows(IllegalArgumentException.class, () -> LogisticMixedModel.fit(notBinary));
        MixedDesign tooSmall =
                MixedDesign.builder(CLASSES)
                        .add("p1", "m", "1", "top", 0.5)
                        .add("p2", "m", "2", "bottom", 1)
                        .build();
        assertThrows(IllegalArgumentException.class, () -> LinearMixedModel.fit(tooSmall, true));
        assertThrows(
                IllegalArgumentException.class,
                () -> ClassInference.of(LinearMixedModelRTest.fit("balanced", "reml"), 1.5));
    }
}
