package org.eigenstudy.studyconfig.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AxisClassTest {

    @Test
    void declarationOrderIsTheMetricsClassesThenTheOtherMethods() {
        assertEquals(
                List.of("top", "orthogonal", "bottom", "ganspace", "sefa", "random", "imported"),
                Arrays.stream(AxisClass.values()).map(AxisClass::label).toList());
    }

    @Test
    void theMetricsThreeClassesAreOneMethodAndOnlyTopAndBottomAreEigenvectors() {
        assertEquals(
                List.of("hessian", "hessian", "hessian", "ganspace", "sefa", "random", "imported"),
                Arrays.stream(AxisClass.values()).map(AxisClass::method).toList());
        assertEquals(
                List.of(AxisClass.TOP, AxisClass.BOTTOM),
                Arrays.stream(AxisClass.values()).filter(AxisClass::isEigenvector).toList());
    }

    @Test
    void fromLabelIsTheInverseOfLabelAndNamesTheChoicesOtherwise() {
        for (AxisClass c : AxisClass.values()) {
            assertEquals(c, AxisClass.fromLabel(c.label()));
            assertEquals(c.yamlName(), c.label());
        }
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> AxisClass.fromLabel("TOP"));
        assertEquals(
                "unknown axis class 'TOP' (expected one of top, orthogonal, bottom, ganspace, sefa,"
                        + " random, imported)",
                e.getMessage());
    }

    @Test
    void jsonUsesTheLowerCaseLabel() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("\"orthogonal\"", json.writeValueAsString(AxisClass.ORTHOGONAL));
        assertEquals(AxisClass.BOTTOM, json.readValue("\"bottom\"", AxisClass.class));
        assertEquals(AxisClass.SEFA, json.readValue("\"sefa\"", AxisClass.class));
    }
}
