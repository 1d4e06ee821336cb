package org.eigenstudy.studyconfig.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AxisClassTest {

    @Test
    void declarationOrderIsTopOrthogonalBottom() {
        assertEquals(
                List.of("top", "orthogonal", "bottom"),
                Arrays.stream(AxisClass.values()).map(AxisClass::label).toList());
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
                "unknown axis class 'TOP' (expected top, orthogonal or bottom)", e.getMessage());
    }

    @Test
    void jsonUsesTheLowerCaseLabel() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("\"orthogonal\"", json.writeValueAsString(AxisClass.ORTHOGONAL));
        assertEquals(AxisClass.BOTTOM, json.readValue("\"bottom\"", AxisClass.class));
    }
}
