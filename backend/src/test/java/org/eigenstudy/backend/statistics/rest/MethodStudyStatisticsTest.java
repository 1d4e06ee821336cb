package org.eigenstudy.backend.statistics.rest;

import static org.eigenstudy.backend.testing.TestApi.researcher;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eigenstudy.backend.testing.AnsweredStudy;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.TestApi;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A study whose conditions are direction methods (the metric's top axes, SeFa, random and imported
 * vectors) goes through import, participants and the analysis: the axes keep their method and
 * label, the mixed models compare exactly the methods shown (every pair, Holm over them) and the
 * report ranks them per measure by the model's means, highest first.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class MethodStudyStatisticsTest {

    private static final String SLUG = "methods-api";
    private static final List<String> METHODS = List.of("top", "sefa", "random", "imported");
    private static String token;
    private static long studyId;

    @BeforeEach
    void studyWithResponses() {
        if (token != null) {
            return;
        }
        token = TestApi.tokenFor("methods-researcher", "researcher");
        studyId =
                AnsweredStudy.create(
                        token, SLUG, METHODS.stream().map(AxisClass::fromLabel).toList(), 10);
    }

    @Test
    void axesKeepTheirMethodAndImportedLabel() {
        JsonPath study =
                researcher(token)
                        .get("/api/researcher/studies/" + studyId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        List<String> classes = study.getList("models[0].axes.axisClass");
        assertEquals(12, classes.size());
        assertEquals(
                METHODS.stream().sorted().toList(), classes.stream().distinct().sorted().toList());
        List<String> labels =
                study.getList("models[0].axes.findAll { it.axisClass == 'imported' }.label");
        assertEquals(List.of("direction 1", "direction 2", "direction 3"), labels);
    }

    @Test
    void theHeadlineComparesAndRanksExactlyTheMethodsShown() {
        // Numbers as doubles: JsonPath's default floats tie two probabilities that differ past the
        // seventh digit, and the test's own sort then disagreed with the server's ranking.
        JsonPath report =
                researcher(token)
                        .get("/api/researcher/studies/" + studyId + "/statistics")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath(
                                JsonPathConfig.jsonPathConfig()
                                        .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
        List<Map<String, Object>> measures = report.getList("headline.measures");
        assertTrue(!measures.isEmpty());
        for (Map<String, Object> m : measures) {
            if (m.get("unavailable") != null) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> means = (List<Map<String, Object>>) m.get("means");
            assertEquals(METHODS, means.stream().map(x -> (String) x.get("axisClass")).toList());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> contrasts = (List<Map<String, Object>>) m.get("contrasts");
            assertEquals(6, contrasts.size(), "every pair of the four methods");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> ranking = (List<Map<String, Object>>) m.get("ranking");
            List<Map<String, Object>> byEstimate = new ArrayList<>(means);
            byEstimate.sort(
                    Comparator.comparingDouble(
                            x -> -((Number) x.get("responseEstimate")).doubleValue()));
            assertEquals(
                    byEstimate.stream().map(x -> x.get("axisClass")).toList(),
                    ranking.stream().map(x -> x.get("axisClass")).toList(),
                    (String) m.get("measure"));
            assertEquals(List.of(1, 2, 3, 4), ranking.stream().map(x -> x.get("rank")).toList());
            assertEquals(
                    List.of("hessian", "sefa", "random", "imported"),
                    ranking.stream()
                            .sorted(
                                    Comparator.comparingInt(
                                            x -> METHODS.indexOf(x.get("axisClass"))))
                            .map(x -> x.get("method"))
                            .toList());
            assertEquals(null, ranking.get(3).get("pHolmVsNext"));
        }
        List<String> described = report.getList("groups[0].classes.axisClass");
        assertEquals(METHODS, described);
        assertEquals(6, report.getList("groups[0].seenChangeComparisons").size());
    }

    @Test
    void theBarChartDrawsOneBarPerMethod() {
        String svg =
                researcher(token)
                        .get(
                                "/api/researcher/studies/"
                                        + studyId
                                        + "/statistics/plots/magnitude.svg")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        for (String method : METHODS) {
            assertTrue(svg.contains(">" + method + "<"), "legend names " + method);
        }
    }
}
