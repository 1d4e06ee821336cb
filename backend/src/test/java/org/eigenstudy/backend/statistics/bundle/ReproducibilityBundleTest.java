package org.eigenstudy.backend.statistics.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.eigenstudy.backend.statistics.tidy.TidyData;
import org.eigenstudy.backend.statistics.tidy.TidyResponse;
import org.junit.jupiter.api.Test;

/**
 * The bundle built from the committed fixture (statistics/bundle/responses.csv, written by
 * make-fixture.R) holds every file, its CSV reads back to the same responses, and the same data
 * give the same bytes. The unzipped bundle is left in target/bundle-fixture/, where the committed
 * r-results.csv was produced by {@code Rscript analysis.R}.
 */
class ReproducibilityBundleTest {

    static List<TidyResponse> fixture() throws IOException {
        try (InputStream in =
                ReproducibilityBundleTest.class.getResourceAsStream(
                        "/statistics/bundle/responses.csv")) {
            return TidyCsv.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void bundleOfTheFixtureHoldsEveryFileAndItsData() throws IOException {
        List<TidyResponse> rows = fixture();
        assertEquals(585, rows.size(), "make-fixture.R wrote 585 responses");
        TidyData data = new TidyData(rows, 1, 25, 1);
        byte[] zip = ReproducibilityBundle.zip(data, "fixture", 2);
        Map<String, String> files = unzip(zip);
        assertEquals(ReproducibilityBundle.FILES, List.copyOf(files.keySet()));

        assertEquals(rows, TidyCsv.read(files.get("responses.csv")));
        assertTrue(
                files.get("responses.csv")
                        .startsWith(
                                "participant,model,axis,axis_class,rank,change_seen,magnitude,"
                                        + "shared_count,consistency,difficulty\n"),
                files.get("responses.csv").substring(0, 120));

        String codebook = files.get("codebook.md");
        for (TidyColumn c : TidyColumn.values()) {
            assertTrue(
                    codebook.contains("| `" + c.header() + "` | " + c.type() + " |"), c.header());
        }

        JsonNode settings = new ObjectMapper().readTree(files.get("settings.json"));
        assertEquals("fixture", settings.path("study").asText());
        assertEquals(2, settings.path("version").asInt());
        assertEquals(1, settings.path("maxFailedCatchTrials").asInt());
        assertEquals(25, settings.path("participantsTotal").asInt());
        assertEquals(1, settings.path("participantsExcluded").asInt());
        assertEquals(585, settings.path("responses").asInt());

        String script = files.get("analysis.R");
        for (String call :
                List.of(
                        "read.csv(\"responses.csv\"",
                        "lmer(",
                        "REML = TRUE",
                        "glmer(",
                        "family = binomial",
                        "(1 + class | participant)",
                        "(1 | participant)",
                        "(1 | axis)",
                        "isSingular(",
                        "_unseen_as_zero",
                        "pairs(emm, adjust = \"holm\")",
                        "lmer.df = \"satterthwaite\"")) {
            assertTrue(script.contains(call), "analysis.R calls " + call);
        }

        assertArrayEquals(zip, ReproducibilityBundle.zip(data, "fixture", 2), "deterministic");
        Path out = Path.of("target", "bundle-fixture");
        Files.createDirectories(out);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(out.resolve(f.getKey()), f.getValue());
        }
    }

    @Test
    void followUpRatingsOfAnUnseenChangeAreMissing() {
        TidyResponse unseen =
                new TidyResponse(
                        "7",
                        "m",
                        "a",
                        org.eigenstudy.studyconfig.model.AxisClass.TOP,
                        1,
                        false,
                        40.0,
                        3,
                        5,
                        2);
        String csv = TidyCsv.write(List.of(unseen));
        assertEquals("7,m,a,top,1,0,,,,2", csv.split("\n")[1]);
    }
}
