package org.eigenstudy.studyconfig.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ModelGeometrySummariesTest {

    /** A two-rank model whose log C^H is undefined (NaN), as constant spectra give. */
    public static ModelGeometrySummary summary() {
        return new ModelGeometrySummary(
                ModelGeometrySummary.SCHEMA,
                "demo",
                3,
                new ModelGeometrySummary.Spectrum(
                        List.of(0.5, 0.25), List.of(0.4, 0.2), List.of(0.6, 0.3)),
                List.of(0.99, 0.999),
                List.of(1, 2),
                List.of(2, 2),
                new ModelGeometrySummary.Homogeneity(
                        new ModelGeometrySummary.Scale(0.75, 0.125, 6, 0),
                        new ModelGeometrySummary.Scale(Double.NaN, Double.NaN, 0, 6)));
    }

    /** Written by hand from the schema, not by the writer under test. */
    public static final String JSON =
            """
            {
              "schema" : "eigenstudy-model-geometry/1",
              "model" : "demo",
              "points" : 3,
              "spectrum" : {
                "mean" : [ 0.5, 0.25 ],
                "p05" : [ 0.4, 0.2 ],
                "p95" : [ 0.6, 0.3 ]
              },
              "anisotropy_thresholds" : [ 0.99, 0.999 ],
              "anisotropy_dims_mean_spectrum" : [ 1, 2 ],
              "anisotropy_dims_average_hessian" : [ 2, 2 ],
              "homogeneity" : {
                "linear" : {
                  "mean" : 0.75,
                  "std" : 0.125,
                  "pairs" : 6,
                  "nan_pairs" : 0
                },
                "log" : {
                  "mean" : null,
                  "std" : null,
                  "pairs" : 0,
                  "nan_pairs" : 6
                }
              }
            }
            """;

    @Test
    void writesSnakeCaseFieldsInOrderWithNanAsNull() {
        assertEquals(JSON, ModelGeometrySummaries.toJson(summary()));
    }

    @Test
    void readsNullBackAsNanSoTheSummaryRoundTrips(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(SheetFiles.summary("demo"));
        ModelGeometrySummaries.write(summary(), file);
        ModelGeometrySummary read = ModelGeometrySummaries.read(file);
        assertEquals(summary(), read);
        assertTrue(Double.isNaN(read.homogeneity().log().mean()));
        assertEquals(JSON, Files.readString(file));
    }

    @Test
    void aSinglePointModelHasNoHomogeneity() throws IOException {
        String json = JSON.substring(0, JSON.indexOf("\"homogeneity\"")) + "\"homogeneity\":null}";
        assertNull(ModelGeometrySummaries.fromJson(json, "one point").homogeneity());
    }

    @Test
    void rejectsAnotherSchemaAMissingFieldAWrongTypeAndAnUnknownField() {
        for (String broken :
                List.of(
                        JSON.replace("geometry/1", "geometry/2"),
                        JSON.replace("\"points\" : 3,", ""),
                        JSON.replace("\"mean\" : 0.75", "\"mean\" : \"high\""),
                        JSON.replace("\"points\" : 3,", "\"points\" : 3, \"extra\" : 1,"),
                        "[]")) {
            IOException e =
                    assertThrows(
                            IOException.class,
                            () -> ModelGeometrySummaries.fromJson(broken, "x.json"),
                            broken);
            assertTrue(e.getMessage().startsWith("x.json: "), e.getMessage());
        }
    }
}
