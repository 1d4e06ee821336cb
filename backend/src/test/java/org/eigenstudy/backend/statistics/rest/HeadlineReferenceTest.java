package org.eigenstudy.backend.statistics.rest;

import static org.eigenstudy.backend.testing.TestApi.put;
import static org.eigenstudy.backend.testing.TestApi.researcher;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eigenstudy.backend.testing.Csv;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report's headline against lme4, lmerTest and emmeans: a committed data set (30 participants,
 * every one answering all 15 axes once) is answered through the participant API, and the numbers of
 * {@code GET …/statistics} must equal {@code headline-references.R}'s values to 1e-4 relative (1e-3
 * for the logistic model's SE-based quantities, as glmer's finite-difference Hessian is only that
 * precise).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class HeadlineReferenceTest {

    private static final String SLUG = "headline-reference";
    private static final int AXES_PER_CLASS = 5;
    private static final String[] CLASSES = {"top", "orthogonal", "bottom"};
    private static final Pattern AXIS = Pattern.compile("/(top|orthogonal|bottom)-(\\d+)/");
    private static final String DIR = "/statistics/mixed/";

    private static String token;
    private static long studyId;

    @Inject ObjectMapper mapper;

    @BeforeEach
    void answerTheCommittedData() {
        if (token != null) {
            return;
        }
        token = TestApi.tokenFor("headline-researcher", "researcher");
        StudyFixture.Design all =
                new StudyFixture.Design(3 * AXES_PER_CLASS, 0, false, 60, "CODE-1234", null);
        studyId = TestApi.importAndOpen(token, StudyFixture.create(SLUG, AXES_PER_CLASS, all));
        Map<String, Map<String, Map<String, String>>> byParticipant = new LinkedHashMap<>();
        for (Map<String, String> row : Csv.records(resource("data-headline.csv"))) {
            byParticipant
                    .computeIfAbsent(row.get("participant"), k -> new HashMap<>())
                    .put(row.get("class") + row.get("rank"), row);
        }
        for (Map.Entry<String, Map<String, Map<String, String>>> p : byParticipant.entrySet()) {
            String session = TestApi.startAndConsent(SLUG);
            JsonNode trials = trials(session);
            assertEquals(3 * AXES_PER_CLASS, trials.size(), "every participant sees every axis");
            for (JsonNode trial : trials) {
                Matcher m =
                        AXIS.matcher(
                                trial.path("strips")
                                        .get(0)
                                        .path("frames")
                                        .get(0)
                                        .path("url")
                                        .asText());
                assertTrue(m.find(), "frame url names the axis: " + trial);
                Map<String, String> row =
                        p.getValue().get(m.group(1) + Integer.parseInt(m.group(2)));
                put(
                                session,
                                "headline-" + p.getKey() + "-" + trial.path("index").asInt(),
                                answer(trial.path("index").asInt(), row))
                        .log()
                        .ifValidationFails()
                        .statusCode(201);
            }
        }
    }

    private JsonNode trials(String session) {
        try {
            return mapper.readTree(
                            TestApi.participant()
                                    .get("/api/participant/sessions/" + session)
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .asString())
                    .path("trials");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> answer(int index, Map<String, String> row) {
        boolean seen = row.get("seen").equals("1");
        Map<String, Object> body = TestApi.answer(index, seen);
        if (seen) {
            body.put("magnitude", Integer.parseInt(row.get("magnitude")));
            body.put("sharedCount", Integer.parseInt(row.get("shared_count")));
            body.put("consistency", Integer.parseInt(row.get("consistency")));
        }
        body.put("difficulty", Integer.parseInt(row.get("difficulty")));
        return body;
    }

    @Test
    void headlineEqualsLme4AndEmmeans() throws IOException {
        JsonNode report = mapper.readTree(researcher(token).get(url("")).asString());
        assertEquals("eigenstudy-statistics/2", report.path("schema").asText());
        Map<String, JsonNode> measures = new HashMap<>();
        for (JsonNode m : report.path("headline").path("measures")) {
            measures.put(m.path("measure").asText(), m);
            if (m.has("sensitivity")) {
                measures.put(m.path("sensitivity").path("measure").asText(), m.path("sensitivity"));
            }
        }
        Map<String, Map<String, double[]>> r = references();
        for (String key :
                List.of(
                        "magnitude",
                        "consistency",
                        "difficulty",
                        "shared_count",
                        "magnitude_unseen_as_zero",
                        "shared_count_unseen_as_zero")) {
            JsonNode m = measures.get(key);
            Map<String, double[]> ref = r.get(key);
            assertTrue(m != null && !m.has("unavailable"), key + " fitted: " + m);
            assertEquals(
                    ref.get("random_slopes")[0] == 1,
                    m.path("randomSlopes").asBoolean(),
                    key + " slopes");
            assertEquals((long) ref.get("trials")[0], m.path("trials").asLong(), key + " trials");
            assertEquals(
                    !key.contains("zero") && !key.equals("difficulty"),
                    m.path("conditional").asBoolean(),
                    key);
            JsonNode v = m.path("variance");
            close(key, "var_participant", ref, v.path("participant"), 1e-4);
            close(key, "var_axis", ref, v.path("axis"), 1e-4);
            close(key, "var_residual", ref, v.path("residual"), 1e-4);
            close(key, "icc_participant", ref, v.path("iccParticipant"), 1e-4);
            close(key, "icc_axis", ref, v.path("iccAxis"), 1e-4);
            close(key, "logLik", ref, m.path("logLik"), 1e-4);
            close(key, "emm", ref, m.path("means"), "responseEstimate", 1e-4);
            close(key, "emm_se", ref, m.path("means"), "standardError", 1e-4);
            close(key, "emm_df", ref, m.path("means"), "df", 1e-4);
            close(key, "emm_lower", ref, m.path("means"), "responseLower", 1e-4);
            close(key, "emm_upper", ref, m.path("means"), "responseUpper", 1e-4);
            close(key, "contrast_estimate", ref, m.path("contrasts"), "estimate", 1e-4);
            close(key, "contrast_se", ref, m.path("contrasts"), "standardError", 1e-4);
            close(key, "contrast_df", ref, m.path("contrasts"), "df", 1e-4);
            close(key, "contrast_p_holm", ref, m.path("contrasts"), "pHolm", 1e-4);
            close(key, "contrast_lower", ref, m.path("contrasts"), "lower", 1e-4);
            close(key, "contrast_upper", ref, m.path("contrasts"), "upper", 1e-4);
            close(key, "d", ref, m.path("effectSizes"), "estimate", 1e-4);
            close(key, "d_lower", ref, m.path("effectSizes"), "lower", 1e-4);
            close(key, "d_upper", ref, m.path("effectSizes"), "upper", 1e-4);
        }
        JsonNode seen = measures.get("seen_change");
        Map<String, double[]> ref = r.get("seen_change");
        assertTrue(!seen.has("unavailable"), "seen-change model fitted: " + seen);
        close(
                "seen_change",
                "var_participant",
                ref,
                seen.path("variance").path("participant"),
                1e-4);
        close("seen_change", "var_axis", ref, seen.path("variance").path("axis"), 1e-4);
        close(
                "seen_change",
                "icc_participant",
                ref,
                seen.path("variance").path("iccParticipant"),
                1e-4);
        close("seen_change", "logLik", ref, seen.path("logLik"), 1e-4);
        close("seen_change", "emm_prob", ref, seen.path("means"), "responseEstimate", 1e-4);
        close("seen_change", "contrast_estimate", ref, seen.path("contrasts"), "estimate", 1e-4);
        close("seen_change", "emm_lower", ref, seen.path("means"), "responseLower", 1e-3);
        close("seen_change", "emm_upper", ref, seen.path("means"), "responseUpper", 1e-3);
        close("seen_change", "contrast_p_holm", ref, seen.path("contrasts"), "pHolm", 1e-3);
        close("seen_change", "odds_ratio", ref, seen.path("effectSizes"), "estimate", 1e-4);
        close("seen_change", "odds_ratio_lower", ref, seen.path("effectSizes"), "lower", 1e-3);
        close("seen_change", "odds_ratio_upper", ref, seen.path("effectSizes"), "upper", 1e-3);

        // Each axis's conditional mode in the per-axis table, in class and rank order (R: ranef).
        JsonNode axes = report.path("headline").path("axes");
        assertEquals(3 * AXES_PER_CLASS, axes.size());
        double[] magnitudeModes = new double[axes.size()];
        double[] seenModes = new double[axes.size()];
        for (int a = 0; a < axes.size(); a++) {
            JsonNode row = axes.get(a);
            assertEquals(CLASSES[a / AXES_PER_CLASS], row.path("axisClass").asText());
            assertEquals(a % AXES_PER_CLASS + 1, row.path("rank").asInt());
            assertEquals(
                    String.format(
                            "m1-z-%s-%02d", CLASSES[a / AXES_PER_CLASS], a % AXES_PER_CLASS + 1),
                    row.path("axisId").asText());
            magnitudeModes[a] = row.path("magnitudeEffect").asDouble();
            seenModes[a] = row.path("seenEffect").asDouble();
        }
        assertClose(
                "magnitude axis_mode", r.get("magnitude").get("axis_mode"), magnitudeModes, 1e-4);
        assertClose(
                "seen_change axis_mode", r.get("seen_change").get("axis_mode"), seenModes, 1e-3);
    }

    private static void close(
            String key, String quantity, Map<String, double[]> ref, JsonNode value, double tol) {
        assertTrue(value.isNumber(), key + "/" + quantity + " is a number: " + value);
        assertClose(key + "/" + quantity, ref.get(quantity), new double[] {value.asDouble()}, tol);
    }

    private static void close(
            String key,
            String quantity,
            Map<String, double[]> ref,
            JsonNode list,
            String field,
            double tol) {
        double[] actual = new double[list.size()];
        for (int i = 0; i < actual.length; i++) {
            assertTrue(list.get(i).path(field).isNumber(), key + "/" + quantity + "[" + i + "]");
            actual[i] = list.get(i).path(field).asDouble();
        }
        assertClose(key + "/" + quantity, ref.get(quantity), actual, tol);
    }

    /**
     * |actual − expected| ≤ tol · max(|expected|, 1e-6): the floor keeps a p-value or a variance R
     * puts at ~0 from demanding an impossible relative agreement.
     */
    private static void assertClose(String what, double[] expected, double[] actual, double tol) {
        assertTrue(expected != null, "no R reference for " + what);
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double bound = tol * Math.max(Math.abs(expected[i]), 1e-6);
            assertTrue(
                    Math.abs(actual[i] - expected[i]) <= bound,
                    what + "[" + i + "]: R " + expected[i] + ", Java " + actual[i]);
        }
    }

    private static Map<String, Map<String, double[]>> references() {
        Map<String, Map<String, List<Double>>> values = new HashMap<>();
        for (Map<String, String> row : Csv.records(resource("headline-references.csv"))) {
            values.computeIfAbsent(row.get("measure"), k -> new HashMap<>())
                    .computeIfAbsent(row.get("quantity"), k -> new ArrayList<>())
                    .add(Double.parseDouble(row.get("value")));
        }
        Map<String, Map<String, double[]>> out = new HashMap<>();
        values.forEach(
                (m, q) -> {
                    Map<String, double[]> arrays = new HashMap<>();
                    q.forEach(
                            (k, v) ->
                                    arrays.put(
                                            k,
                                            v.stream().mapToDouble(Double::doubleValue).toArray()));
                    out.put(m, arrays);
                });
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = HeadlineReferenceTest.class.getResourceAsStream(DIR + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(name, e);
        }
    }

    private static String url(String suffix) {
        return "/api/researcher/studies/" + studyId + "/statistics" + suffix;
    }
}
