package org.eigenstudy.backend.statistics.service;

import static org.eigenstudy.backend.testing.TestApi.put;
import static org.eigenstudy.backend.testing.TestApi.researcher;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

/**
 * The report is cached (StatisticsService), but never stale: the cache key holds the responses'
 * count and largest id, so a new answer is in the next report, and other options are their own
 * entry.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class StatisticsServiceTest {

    private static final String SLUG = "statistics-cache";

    @Test
    void aNewResponseReachesTheNextReport() {
        String token = TestApi.tokenFor("statistics-cache-researcher", "researcher");
        long id =
                TestApi.importAndOpen(
                        token, StudyFixture.create(SLUG, 2, StudyFixture.Design.standard()));
        String url = "/api/researcher/studies/" + id + "/statistics";
        String session = TestApi.startAndConsent(SLUG);
        List<Integer> indexes = TestApi.resume(session).getList("trials.index", Integer.class);
        for (int i = 0; i < 3; i++) {
            int index = indexes.get(i);
            put(session, "statistics-cache-" + index, TestApi.answer(index, true)).statusCode(201);
            JsonPath first = researcher(token).get(url).then().statusCode(200).extract().jsonPath();
            JsonPath again = researcher(token).get(url).then().statusCode(200).extract().jsonPath();
            assertEquals(i + 1L, first.getLong("exclusion.responsesTotal"));
            assertEquals(first.getMap(""), again.getMap(""), "a repeated request, the same report");
            JsonPath lenient =
                    researcher(token)
                            .queryParam("maxFailedCatchTrials", 5)
                            .get(url)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
            assertEquals(5, lenient.getInt("exclusion.maxFailedCatchTrials"));
        }
    }
}
