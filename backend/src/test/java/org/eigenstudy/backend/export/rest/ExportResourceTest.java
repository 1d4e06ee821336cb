package org.eigenstudy.backend.export.rest;

import static org.eigenstudy.backend.testing.TestApi.answer;
import static org.eigenstudy.backend.testing.TestApi.put;
import static org.eigenstudy.backend.testing.TestApi.researcher;
import static org.eigenstudy.backend.testing.TestApi.startAndConsent;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eigenstudy.backend.testing.Csv;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ExportResourceTest {

    static final String SLUG = "export";

    @Test
    void exportsAndProgressMatchTheAnswersGiven() {
        String token = TestApi.tokenFor("export-researcher", "researcher");
        long id =
                TestApi.importAndOpen(
                        token, StudyFixture.create(SLUG, 2, StudyFixture.Design.standard()));
        String done = startAndConsent(SLUG);
        TestApi.answerAll(done);
        TestApi.participant()
                .post("/api/participant/sessions/" + done + "/finish")
                .then()
                .statusCode(200);
        String partial = startAndConsent(SLUG);
        Map<String, Object> tricky = answer(0, true);
        tricky.put("description", "=SUM(A1), \"quoted\"\nsecond line");
        put(partial, "tricky-answer", tricky).statusCode(201);

        researcher(token)
                .get("/api/researcher/studies/" + id + "/progress")
                .then()
                .statusCode(200)
                .body("started", equalTo(2))
                .body("consented", equalTo(2))
                .body("completed", equalTo(1))
                .body("inProgress", equalTo(1))
                .body("abandoned", equalTo(0))
                .body("responses", equalTo(7 + 1));

        String csv =
                researcher(token)
                        .get("/api/researcher/studies/" + id + "/exports/responses.csv")
                        .then()
                        .statusCode(200)
                        .contentType(startsWith("text/csv"))
                        .header(
                                "Content-Disposition",
                                equalTo("attachment; filename=\"export-v1-responses.csv\""))
                        .extract()
                        .asString();
        List<List<String>> rows = Csv.rows(csv);
        List<String> header = rows.get(0);
        assertEquals(9, rows.size());
        assertEquals(
                List.of(
                        "response_id",
                        "client_response_id",
                        "study_slug",
                        "study_version",
                        "participant_id"),
                header.subList(0, 5));
        List<String> last = rows.get(rows.size() - 1);
        assertEquals("'=SUM(A1), \"quoted\"\nsecond line", last.get(header.indexOf("description")));
        assertEquals("true", last.get(header.indexOf("change_seen")));
        assertEquals("40", last.get(header.indexOf("magnitude")));
        assertEquals("0;1;2;3;4", last.get(header.indexOf("references")));

        JsonPath json =
                researcher(token)
                        .get("/api/researcher/studies/" + id + "/exports/responses.json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertEquals(8, json.getList("").size());
        assertEquals("=SUM(A1), \"quoted\"\nsecond line", json.getString("[7].description"));
        assertEquals(40, json.getInt("[7].magnitude"));
        assertEquals(true, json.getBoolean("[7].change_seen"));
        assertEquals("2026-11-22T08:00:00.500Z", json.getString("[7].client_timestamp"));

        List<List<String>> participants =
                Csv.rows(
                        researcher(token)
                                .get("/api/researcher/studies/" + id + "/exports/participants.csv")
                                .asString());
        assertEquals(3, participants.size());
        assertEquals("completed", participants.get(1).get(participants.get(0).indexOf("state")));
        List<List<String>> stimuli =
                Csv.rows(
                        researcher(token)
                                .get("/api/researcher/studies/" + id + "/exports/stimuli.csv")
                                .asString());
        assertEquals(1 + 6 * StudyFixture.REFERENCES * StudyFixture.STEPS.length, stimuli.size());
        researcher(token)
                .get("/api/researcher/studies/" + id + "/exports/secrets.csv")
                .then()
                .statusCode(404);
        researcher(token)
                .get("/api/researcher/studies/987654/exports/responses.csv")
                .then()
                .statusCode(404);
    }

    @Test
    void csvParserReadsQuotedFields() {
        assertEquals(
                List.of(List.of("a", "b,c", "d\"e"), List.of("1", "", "x\ny")),
                Csv.rows("a,\"b,c\",\"d\"\"e\"\r\n1,,\"x\ny\"\r\n"));
        assertEquals(Arrays.asList("x"), Csv.rows("x\r\n").get(0));
    }
}
