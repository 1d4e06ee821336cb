package org.eigenstudy.backend.statistics.planning;

import static org.eigenstudy.backend.testing.TestApi.answer;
import static org.eigenstudy.backend.testing.TestApi.put;
import static org.eigenstudy.backend.testing.TestApi.researcher;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The power and bundle endpoints on a study with stored responses: the same request gives the same
 * numbers, every bound is a 422 naming its field, and the bundle holds one CSV row per analysed
 * response (the count the statistics report gives for the same exclusion rule).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class PlanningEndpointsTest {

    private static final String SLUG = "planning-api";
    private static final int PARTICIPANTS = 8;

    private static String token;
    private static long studyId;

    @BeforeEach
    void studyWithResponses() {
        if (token != null) {
            return;
        }
        token = TestApi.tokenFor("planning-researcher", "researcher");
        studyId =
                TestApi.importAndOpen(
                        token, StudyFixture.create(SLUG, 3, StudyFixture.Design.standard()));
        for (int p = 0; p < PARTICIPANTS; p++) {
            String session = TestApi.startAndConsent(SLUG);
            List<Integer> indexes = TestApi.trialIndexes(session);
            for (int index : indexes) {
                boolean seen = (index + p) % 4 != 0;
                Map<String, Object> body = answer(index, seen);
                if (seen) {
                    body.put("magnitude", 20 + 7 * p + 5 * (index % 7));
                    body.put("sharedCount", (p + index) % 6);
                    body.put("consistency", 1 + (2 * p + index) % 9);
                }
                body.put("difficulty", 1 + (p + 3 * index) % 9);
                put(session, "planning-" + p + "-" + index, body).statusCode(201);
            }
        }
        // These answers ignore which trials are catch trials; let every participant have passed
        // them, so the pilot holds all eight (the exclusion rule is the analysis' concern).
        Db.update(
                "UPDATE response SET catch_passed = TRUE WHERE catch_passed = FALSE AND session_id"
                        + " IN (SELECT id FROM participant_session WHERE study_id = ?)",
                studyId);
    }

    private static String url(String path) {
        return "/api/researcher/studies/" + studyId + "/statistics/" + path;
    }

    @Test
    void powerIsReproducibleAndDrawn() {
        Map<String, Object> body =
                Map.of(
                        "measure",
                        "magnitude",
                        "participants",
                        List.of(4, 8),
                        "axesPerClass",
                        List.of(3),
                        "simulations",
                        20,
                        "seed",
                        5);
        JsonPath first =
                researcher(token)
                        .body(body)
                        .post(url("power"))
                        .then()
                        .log()
                        .ifValidationFails()
                        .statusCode(200)
                        .contentType(startsWith("application/json"))
                        .extract()
                        .jsonPath();
        assertEquals(2, first.getList("cells").size());
        assertEquals(List.of(4, 8), first.getList("cells.participants"));
        assertEquals(20, first.getInt("simulations"));
        assertEquals(5L, first.getLong("seed"));
        assertTrue(first.getString("svg").contains("<svg"), "power curve SVG");
        assertTrue(first.getString("model").startsWith("lmer(magnitude"));
        List<Float> power = first.getList("cells.contrasts.flatten().power");
        assertEquals(4, power.size());
        power.forEach(p -> assertTrue(p >= 0 && p <= 1, "power " + p));
        JsonPath second =
                researcher(token)
                        .body(body)
                        .post(url("power"))
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertEquals(first.getList("cells"), second.getList("cells"), "same seed, same numbers");
    }

    @Test
    void theLastRunPerMeasureIsInTheNextReport() {
        // Difficulty is simulated by this test only: the report before has no run for it.
        JsonPath before = report();
        assertTrue(
                before.getList("power.runs.measure").stream().noneMatch("difficulty"::equals),
                "no difficulty run yet");
        JsonPath run = null;
        for (long seed : new long[] {7, 8}) {
            run =
                    researcher(token)
                            .body(
                                    Map.of(
                                            "measure",
                                            "difficulty",
                                            "participants",
                                            List.of(6, 4),
                                            "axesPerClass",
                                            List.of(3),
                                            "simulations",
                                            20,
                                            "seed",
                                            seed))
                            .post(url("power"))
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
        }
        // Same responses, so the report comes from the cache: the run must reach it anyway.
        JsonPath after = report();
        assertEquals(before.getMap("exclusion"), after.getMap("exclusion"), "the same responses");
        List<Map<String, Object>> difficulty =
                after.getList("power.runs.findAll { it.measure == 'difficulty' }");
        assertEquals(1, difficulty.size(), "one run per measure: the second replaced the first");
        String path = "power.runs.find { it.measure == 'difficulty' }.";
        assertEquals(8L, after.getLong(path + "seed"));
        assertEquals(20, after.getInt(path + "simulations"));
        assertEquals(List.of(6, 4), after.getList(path + "participants"));
        assertEquals(List.of(3), after.getList(path + "axesPerClass"));
        assertEquals(run.getString("model"), after.getString(path + "model"));
        assertEquals(run.getInt("pilotResponses"), after.getInt(path + "pilotResponses"));
        assertEquals(run.getList("cells"), after.getList(path + "cells"), "the table as run");
        assertTrue(
                java.time.Instant.parse(after.getString(path + "ranAt"))
                        .isAfter(java.time.Instant.now().minusSeconds(600)),
                "ranAt is when it ran");
        assertTrue(after.getString("power.note").contains("Plan sample size"));

        String md = researcher(token).get(url("").replaceAll("/$", ".md")).asString();
        int section = md.indexOf("## Sample-size planning (simulated power)");
        assertTrue(section > 0 && section < md.indexOf("## Descriptive"), "before descriptive");
        assertTrue(md.contains("### Power: difficulty (1-9)"), md);
        assertTrue(md.contains("Run ") && md.contains("seed 8,"), "caption names seed and date");
        List<Map<String, Object>> cells = run.getList("cells");
        for (int i = 0; i < cells.size(); i++) {
            String power =
                    String.format(
                            java.util.Locale.ROOT,
                            "%.2f",
                            run.getDouble("cells[" + i + "].contrasts[0].power"));
            String row = "| " + cells.get(i).get("participants") + " | 3 | " + power + " ±";
            assertTrue(md.contains(row), "row " + row);
        }
        String tex = researcher(token).get(url("").replaceAll("/$", ".tex")).asString();
        assertTrue(tex.contains("\\caption{Power: difficulty (1-9). Share of 20 simulated"), tex);
    }

    private JsonPath report() {
        return researcher(token)
                .get(url("").replaceAll("/$", ""))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        researcher(token)
                .body(
                        Map.of(
                                "measure",
                                "height",
                                "participants",
                                List.of(1, 20000),
                                "simulations",
                                5))
                .post(url("power"))
                .then()
                .statusCode(422)
                .body(
                        "problems.field",
                        hasItems("measure", "participants[0]", "participants[1]", "simulations"));
        researcher(token)
                .body(Map.of("measure", "magnitude"))
                .post(url("power"))
                .then()
                .statusCode(422)
                .body("field", equalTo("participants"));
        // Within every bound, but together minutes of work: refused before any is done. The
        // estimate needs the pilot fitted; magnitude's linear model always fits these answers,
        // while seen_change's GLMM can be singular for some trial orders (seen in a CI run).
        researcher(token)
                .body(
                        Map.of(
                                "measure",
                                "magnitude",
                                "participants",
                                List.of(500, 1000),
                                "axesPerClass",
                                List.of(200),
                                "simulations",
                                2000))
                .post(url("power"))
                .then()
                .statusCode(422)
                .body("field", equalTo("simulations"))
                .body("rule", equalTo("work"));
        researcher(token)
                .body(Map.of("measure", "magnitude", "participants", List.of(10)))
                .post("/api/researcher/studies/987654/statistics/power")
                .then()
                .statusCode(404);
    }

    @Test
    void bundleHoldsOneRowPerAnalysedResponse() throws IOException {
        byte[] zip =
                researcher(token)
                        .get(url("bundle.zip"))
                        .then()
                        .statusCode(200)
                        .contentType("application/zip")
                        .header(
                                "Content-Disposition",
                                equalTo("attachment; filename=\"" + SLUG + "-v1-bundle.zip\""))
                        .extract()
                        .asByteArray();
        List<String> names = new ArrayList<>();
        String csv = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (e.getName().equals("responses.csv")) {
                    csv = text;
                }
            }
        }
        assertEquals(List.of("responses.csv", "codebook.md", "settings.json", "analysis.R"), names);
        long analysed =
                researcher(token)
                        .get(url("").replaceAll("/$", ""))
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getLong("exclusion.responsesAnalysed");
        assertEquals(analysed, csv.strip().split("\n").length - 1L, "rows = analysed responses");
    }
}
