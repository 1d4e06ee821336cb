package org.eigenstudy.backend.study.service;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

/**
 * What the dashboard's close dialog tells the researcher, held to the server's behaviour: after
 * closing, no one new can start, a participant who had started can still answer every trial and
 * finish with a completion, the responses are kept, and the study cannot be reopened.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class StudyServiceTest {

    @Test
    void closingStopsNewStartsButLetsStartedParticipantsFinish() {
        String slug = "closing";
        String researcher = TestApi.tokenFor("closing-researcher", "researcher");
        long id =
                TestApi.importAndOpen(
                        researcher, StudyFixture.create(slug, 1, StudyFixture.Design.standard()));
        String started = TestApi.startAndConsent(slug);

        TestApi.researcher(researcher)
                .post("/api/researcher/studies/" + id + "/close")
                .then()
                .statusCode(200)
                .body("state", equalTo("closed"));

        TestApi.start(Map.of("study", slug))
                .statusCode(409)
                .body("rule", equalTo("study-not-open"));
        TestApi.answerAll(started);
        TestApi.participant()
                .body(Map.of())
                .post("/api/participant/sessions/" + started + "/finish")
                .then()
                .statusCode(200)
                .body("kind", equalTo("code"));
        long trials =
                Db.count(
                        "SELECT count(*) FROM assignment a JOIN participant_session s"
                                + " ON s.id = a.session_id WHERE s.study_id = ?",
                        id);
        assertEquals(trials, Db.responses(slug), "every answer after closing is kept");
        // Reopened as the same version, it takes new participants again, beside the kept data.
        TestApi.researcher(researcher)
                .post("/api/researcher/studies/" + id + "/open")
                .then()
                .statusCode(200)
                .body("state", equalTo("open"));
        TestApi.start(Map.of("study", slug)).statusCode(201);
        assertEquals(trials, Db.responses(slug), "reopening keeps every answer");
    }
}
