package org.eigenstudy.backend.statistics.rest;

import static io.restassured.RestAssured.given;
import static org.eigenstudy.backend.testing.TestApi.answer;
import static org.eigenstudy.backend.testing.TestApi.put;
import static org.eigenstudy.backend.testing.TestApi.researcher;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eigenstudy.backend.statistics.AnalysisOptions;
import org.eigenstudy.backend.statistics.ResponseRow;
import org.eigenstudy.backend.statistics.StudyAnalysis;
import org.eigenstudy.backend.statistics.report.AnalysisReport;
import org.eigenstudy.backend.statistics.report.PowerSection;
import org.eigenstudy.backend.statistics.tables.CsvExporter;
import org.eigenstudy.backend.statistics.tables.LatexExporter;
import org.eigenstudy.backend.statistics.tables.MarkdownExporter;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The statistics endpoints against the library run on the same responses, read independently
 * through the responses.json export (so the view behind the endpoint is checked too).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class StatisticsResourceTest {

    private static final String SLUG = "statistics-api";
    private static final int PARTICIPANTS = 8;

    private static String token;
    private static long studyId;

    @Inject ObjectMapper mapper;

    @BeforeEach
    void studyWithResponses() {
        if (token != null) {
            return;
        }
        token = TestApi.tokenFor("statistics-researcher", "researcher");
        studyId =
                TestApi.importAndOpen(
                        token, StudyFixture.create(SLUG, 3, StudyFixture.Design.standard()));
        for (int p = 0; p < PARTICIPANTS; p++) {
            String session = TestApi.startAndConsent(SLUG);
            List<Integer> indexes = TestApi.trialIndexes(session);
            // The last participant stops half-way: unfinished sessions count too.
            int answered = p == PARTICIPANTS - 1 ? indexes.size() / 2 : indexes.size();
            for (int index : indexes.subList(0, answered)) {
                put(session, "statistics-" + p + "-" + index, varied(p, index))
                        .log()
                        .ifValidationFails()
                        .statusCode(201);
            }
        }
    }

    /** Answers that differ between participants and trials, so every statistic has spread. */
    private static Map<String, Object> varied(int p, int index) {
        boolean seen = (index + p) % 3 != 0;
        Map<String, Object> body = answer(index, seen);
        if (seen) {
            // the follow-up ratings exist only after a seen change (docs/api.md)
            body.put("magnitude", 5 + 9 * p + 4 * index);
            body.put("sharedCount", (p + index) % 6);
            body.put("consistency", 1 + (2 * p + index) % 9);
        }
        body.put("difficulty", 1 + (p + 3 * index) % 9);
        return body;
    }

    @Test
    void jsonEqualsTheLibraryOnTheSameRows() throws Exception {
        List<ResponseRow> rows = exportedRows();
        for (int maxFailed : new int[] {0, 1}) {
            AnalysisOptions options =
                    AnalysisOptions.defaults().withMaxFailedCatchTrials(maxFailed);
            JsonNode expected =
                    mapper.valueToTree(served(StudyAnalysis.analyse(rows.iterator(), options)));
            JsonNode actual =
                    mapper.readTree(
                            researcher(token)
                                    .queryParam("maxFailedCatchTrials", maxFailed)
                                    .get(url(""))
                                    .then()
                                    .statusCode(200)
                                    .contentType(startsWith("application/json"))
                                    .extract()
                                    .asString());
            assertSameJson(expected, actual, "$");
            assertEquals(AnalysisReport.SCHEMA, actual.path("schema").asText());
        }
        // Without parameters the study's own rule (max_failed_catch_trials: 0) applies, and every
        // non-catch response of an included participant is in the overall class counts.
        JsonNode report = mapper.readTree(researcher(token).get(url("")).asString());
        JsonNode exclusion = report.path("exclusion");
        assertEquals(0, exclusion.path("maxFailedCatchTrials").asInt());
        assertEquals(PARTICIPANTS, exclusion.path("participantsTotal").asLong());
        assertEquals(failedCatch(rows), exclusion.path("participantsExcluded").asLong());
        assertTrue(exclusion.path("participantsExcluded").asLong() > 0, "fixture fails catches");
        long trials = 0;
        for (JsonNode c : report.path("groups").get(0).path("classes")) {
            trials += c.path("trials").asLong();
        }
        assertEquals(exclusion.path("responsesAnalysed").asLong(), trials);
        assertEquals(rows.size(), exclusion.path("responsesTotal").asLong());
    }

    @Test
    void seedAndResamplesReachTheBootstrap() throws Exception {
        List<ResponseRow> rows = exportedRows();
        AnalysisOptions options = new AnalysisOptions(1, 2500, 42L, 0.95);
        JsonNode expected =
                mapper.valueToTree(served(StudyAnalysis.analyse(rows.iterator(), options)));
        JsonNode actual =
                mapper.readTree(
                        researcher(token)
                                .queryParams(
                                        Map.of(
                                                "maxFailedCatchTrials", 1,
                                                "resamples", 2500,
                                                "seed", 42))
                                .get(url(""))
                                .asString());
        assertEquals(2500, actual.path("bootstrapResamples").asInt());
        assertEquals(42, actual.path("bootstrapSeed").asLong());
        assertSameJson(expected, actual, "$");
    }

    @Test
    void tablesAndFiguresAreServedWithTheirTypes() throws Exception {
        AnalysisReport report =
                served(
                        StudyAnalysis.analyse(
                                exportedRows().iterator(), AnalysisOptions.defaults()));
        Map<String, List<String>> tables =
                Map.of(
                        "csv", List.of("text/csv", CsvExporter.export(report)),
                        "md", List.of("text/markdown", MarkdownExporter.export(report)),
                        "tex", List.of("application/x-tex", LatexExporter.export(report)));
        for (Map.Entry<String, List<String>> table : tables.entrySet()) {
            String file = "statistics." + table.getKey();
            String body =
                    researcher(token)
                            .get(url("." + table.getKey()))
                            .then()
                            .statusCode(200)
                            .contentType(startsWith(table.getValue().get(0)))
                            .header(
                                    "Content-Disposition",
                                    equalTo(
                                            "attachment; filename=\""
                                                    + SLUG
                                                    + "-v1-"
                                                    + file
                                                    + "\""))
                            .extract()
                            .asString();
            assertEquals(table.getValue().get(1), body, file);
        }

        for (String plot : List.of("magnitude", "seen_change", "rank")) {
            byte[] png =
                    researcher(token)
                            .get(url("/plots/" + plot + ".png"))
                            .then()
                            .statusCode(200)
                            .contentType("image/png")
                            .extract()
                            .asByteArray();
            assertTrue(ImageIO.read(new ByteArrayInputStream(png)).getWidth() > 100, plot);
            byte[] svg =
                    researcher(token)
                            .get(url("/plots/" + plot + ".svg"))
                            .then()
                            .statusCode(200)
                            .contentType(startsWith("image/svg+xml"))
                            .extract()
                            .asByteArray();
            assertEquals(
                    "svg",
                    DocumentBuilderFactory.newInstance()
                            .newDocumentBuilder()
                            .parse(new ByteArrayInputStream(svg))
                            .getDocumentElement()
                            .getNodeName());
        }
        researcher(token)
                .queryParam("model", "m1")
                .get(url("/plots/rank.svg"))
                .then()
                .statusCode(200);
    }

    @Test
    void unknownStudyPlotOrModelIs404Json() {
        researcher(token)
                .get("/api/researcher/studies/987654/statistics")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/json"))
                .body("rule", equalTo("not-found"));
        for (String plot : List.of("speed.png", "magnitude.gif", "magnitude")) {
            researcher(token)
                    .get(url("/plots/" + plot))
                    .then()
                    .statusCode(404)
                    .contentType(startsWith("application/json"))
                    .body("field", equalTo("measure"));
        }
        researcher(token)
                .queryParam("model", "no-such-model")
                .get(url("/plots/rank.png"))
                .then()
                .statusCode(404)
                .body("field", equalTo("model"));
        researcher(token).get(url(".csv/plots/magnitude.png")).then().statusCode(404);
    }

    @Test
    void badParametersAre400NamingTheField() {
        Object[][] cases = {
            {"resamples", "1999", "range"},
            {"resamples", "100001", "range"},
            {"resamples", "many", "type"},
            {"seed", "1.5", "type"},
            {"maxFailedCatchTrials", "-1", "range"},
        };
        for (Object[] c : cases) {
            for (String suffix : List.of("", ".csv", "/plots/magnitude.svg")) {
                researcher(token)
                        .queryParam((String) c[0], c[1])
                        .get(url(suffix))
                        .then()
                        .statusCode(400)
                        .contentType(startsWith("application/json"))
                        .body("field", equalTo(c[0]))
                        .body("rule", equalTo(c[2]));
            }
        }
    }

    @Test
    void anonymousAndParticipantCallersAreRefused() {
        String participantToken = TestApi.startAndConsent(SLUG);
        for (String suffix : List.of("", ".csv", ".md", ".tex", "/plots/magnitude.png")) {
            given().get(url(suffix)).then().statusCode(401);
            given().header("Authorization", "Bearer " + participantToken)
                    .get(url(suffix))
                    .then()
                    .statusCode(401);
        }
    }

    private static String url(String suffix) {
        return "/api/researcher/studies/" + studyId + "/statistics" + suffix;
    }

    /**
     * The library's report as the endpoint serves it: with the power section, which says that no
     * simulation was run for this study.
     */
    private static AnalysisReport served(AnalysisReport report) {
        return report.withPower(PowerSection.of(List.of()));
    }

    /** The study's responses as the responses.json export gives them. */
    private List<ResponseRow> exportedRows() throws Exception {
        JsonNode array =
                mapper.readTree(
                        researcher(token)
                                .get(
                                        "/api/researcher/studies/"
                                                + studyId
                                                + "/exports/responses.json")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString());
        List<ResponseRow> rows = new ArrayList<>();
        for (JsonNode r : array) {
            rows.add(
                    new ResponseRow(
                            r.path("participant_id").asLong(),
                            r.path("model_id").asText(),
                            r.path("space").asText(),
                            AxisClass.fromLabel(r.path("axis_class").asText()),
                            r.path("rank").asInt(),
                            r.path("eigenvalue").isNull()
                                    ? Double.NaN
                                    : r.path("eigenvalue").asDouble(),
                            r.path("change_seen").asBoolean(),
                            r.path("magnitude").isNull() ? null : r.path("magnitude").asDouble(),
                            integer(r, "shared_count"),
                            integer(r, "consistency"),
                            integer(r, "difficulty"),
                            r.path("is_catch").asBoolean(),
                            r.path("catch_passed").isNull()
                                    ? null
                                    : r.path("catch_passed").asBoolean()));
        }
        assertTrue(rows.size() > 40, "rows: " + rows.size());
        return rows;
    }

    private static Integer integer(JsonNode r, String field) {
        return r.path(field).isNull() ? null : r.path(field).asInt();
    }

    private static long failedCatch(List<ResponseRow> rows) {
        Set<Long> failed = new HashSet<>();
        for (ResponseRow row : rows) {
            if (row.catchTrial() && Boolean.FALSE.equals(row.catchPassed())) {
                failed.add(row.participantId());
            }
        }
        return failed.size();
    }

    /** Structural equality; numbers equal to 1e-12 relative (the JSON went through text). */
    private static void assertSameJson(JsonNode expected, JsonNode actual, String path) {
        if (expected.isNumber() && actual.isNumber()) {
            double e = expected.asDouble();
            double a = actual.asDouble();
            assertTrue(
                    Math.abs(e - a) <= 1e-12 * Math.max(1, Math.abs(e)),
                    path + ": expected " + e + ", got " + a);
            return;
        }
        assertEquals(expected.getNodeType(), actual.getNodeType(), path);
        if (expected.isObject()) {
            List<String> names = new ArrayList<>();
            expected.fieldNames().forEachRemaining(names::add);
            List<String> actualNames = new ArrayList<>();
            actual.fieldNames().forEachRemaining(actualNames::add);
            assertEquals(names, actualNames, path);
            for (String name : names) {
                assertSameJson(expected.get(name), actual.get(name), path + "." + name);
            }
        } else if (expected.isArray()) {
            assertEquals(expected.size(), actual.size(), path + " size");
            Iterator<JsonNode> a = actual.elements();
            int i = 0;
            for (JsonNode e : expected) {
                assertSameJson(e, a.next(), path + "[" + i++ + "]");
            }
        } else {
            assertEquals(expected, actual, path);
        }
    }
}
