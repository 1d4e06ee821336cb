package org.eigenstudy.studyconfig.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** NaN as null on the summary's components, through a mapper that knows nothing about it. */
class NanAsNullTest {
    static final ModelGeometrySummary SUMMARY = ModelGeometrySummariesTest.summary();
    static final String JSON = ModelGeometrySummariesTest.JSON;

    @Test
    void anyObjectMapperWritesAndReadsNanAsNull() throws IOException {
        ObjectMapper plain = new ObjectMapper();
        String json = plain.writeValueAsString(SUMMARY);
        assertTrue(json.contains("{\"mean\":null,\"std\":null,\"pairs\":0,\"nan_pairs\":6}"), json);
        assertEquals(SUMMARY, plain.readValue(json, ModelGeometrySummary.class));
        String nanInSpectrum = JSON.replace("[ 0.5, 0.25 ]", "[ 0.5, null ]");
        assertTrue(
                Double.isNaN(
                        plain.readValue(nanInSpectrum, ModelGeometrySummary.class)
                                .spectrum()
                                .mean()
                                .get(1)));
    }

    @Test
    void infinitiesAreUndefinedTooAndOtherTokensAreRefused() throws IOException {
        ObjectMapper plain = new ObjectMapper();
        ModelGeometrySummary.Scale infinite =
                new ModelGeometrySummary.Scale(Double.POSITIVE_INFINITY, 1.5, 2, 0);
        assertEquals(
                "{\"mean\":null,\"std\":1.5,\"pairs\":2,\"nan_pairs\":0}",
                plain.writeValueAsString(infinite));
        assertTrue(
                org.junit.jupiter.api.Assertions.assertThrows(
                                IOException.class,
                                () ->
                                        plain.readValue(
                                                "{\"mean\":true,\"std\":1,\"pairs\":2,\"nan_pairs\":0}",
                                                ModelGeometrySummary.Scale.class))
                        .getMessage()
                        .contains("Double"));
    }
}
