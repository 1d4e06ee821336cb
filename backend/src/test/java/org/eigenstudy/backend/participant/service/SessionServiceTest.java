package org.eigenstudy.backend.participant.service;

import static org.eigenstudy.backend.testing.TestApi.answer;
import static org.eigenstudy.backend.testing.TestApi.answerAll;
import static org.eigenstudy.backend.testing.TestApi.consent;
import static org.eigenstudy.backend.testing.TestApi.participant;
import static org.eigenstudy.backend.testing.TestApi.put;
import static org.eigenstudy.backend.testing.TestApi.start;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;
import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same MTurk assignment or Prolific session opened from a second browser continues its own
 * session (a token of its own), and only that exact identity does.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class SessionServiceTest {

    static final String SLUG = "continuation";
    static boolean imported;

    @BeforeEach
    void importStudy() {
        if (imported) {
            return;
        }
        imported = true;
        String token = TestApi.tokenFor("continuation-researcher", "researcher");
        TestApi.importAndOpen(token, StudyFixture.create(SLUG, 2, StudyFixture.Design.standard()));
    }

    private static Map<String, Object> mturk(String worker, String assignment) {
        return Map.of(
                "assignmentId",
                assignment,
                "hitId",
                "HIT-C",
                "workerId",
                worker,
                "turkSubmitTo",
                "https://workersandbox.mturk.com");
    }

    private static JsonPath session(String token) {
        return TestApi.resume(token);
    }

    @Test
    void unfinishedAssignmentContinuesInASecondBrowserAndBothTokensWork() {
        Map<String, Object> first = Map.of("study", SLUG, "mturk", mturk("W-C1", "A-C1"));
        String browserA = start(first).statusCode(201).extract().path("token");
        consent(browserA);
        put(browserA, "answer-a-0", answer(0, true)).statusCode(201);
        long sessions = Db.sessions(SLUG);

        JsonPath b = start(first).statusCode(200).extract().jsonPath();
        String browserB = b.getString("token");
        assertNotEquals(browserA, browserB);
        assertEquals(sessions, Db.sessions(SLUG), "no new session");
        assertEquals(1, b.getInt("answeredTrials"));
        assertEquals(1, b.getInt("nextTrialIndex"));
        assertEquals(session(browserA).getList("trials.strips"), b.getList("trials.strips"));
        assertEquals(session(browserA).getString("consentedAt"), b.getString("consentedAt"));

        // both browsers answer into the same session; a retry from either is still idempotent
        put(browserB, "answer-b-1", answer(1, false)).statusCode(201);
        put(browserA, "answer-b-1", answer(1, false)).statusCode(200);
        put(browserA, "answer-a-1", answer(1, false))
                .statusCode(409)
                .body("rule", equalTo("already-answered"));
        assertEquals(2, session(browserA).getInt("answeredTrials"));
        assertEquals(2, session(browserB).getInt("answeredTrials"));
    }

    @Test
    void finishedAssignmentShowsItsOwnCompletionAgain() {
        Map<String, Object> request = Map.of("study", SLUG, "mturk", mturk("W-C2", "A-C2"));
        String token = start(request).statusCode(201).extract().path("token");
        consent(token);
        answerAll(token);
        participant().post("/api/participant/sessions/" + token + "/finish").then().statusCode(200);

        start(request)
                .statusCode(200)
                .body("state", equalTo("completed"))
                .body("completion.kind", equalTo("mturk"))
                .body("completion.form.fields.assignmentId", equalTo("A-C2"));
        assertEquals("A-C2", session(token).getString("completion.form.fields.assignmentId"));
    }

    @Test
    void anotherAssignmentOrAnAlteredIdentityIsStillARepeat() {
        Map<String, Object> mine = mturk("W-C3", "A-C3");
        String token =
                start(Map.of("study", SLUG, "mturk", mine)).statusCode(201).extract().path("token");
        consent(token);
        long sessions = Db.sessions(SLUG);
        start(Map.of("study", SLUG, "mturk", mturk("W-C3", "A-OTHER")))
                .statusCode(409)
                .body("rule", equalTo("repeat"));
        Map<String, Object> otherHit = new HashMap<>(mine);
        otherHit.put("hitId", "HIT-OTHER");
        start(Map.of("study", SLUG, "mturk", otherHit))
                .statusCode(409)
                .body("rule", equalTo("repeat"));
        assertEquals(sessions, Db.sessions(SLUG));
    }

    @Test
    void timedOutAssignmentIsNotContinued() {
        Map<String, Object> request = Map.of("study", SLUG, "mturk", mturk("W-C4", "A-C4"));
        String token = start(request).statusCode(201).extract().path("token");
        Db.update(
                "UPDATE participant_session SET expires_at = now() - interval '1 minute'"
                        + " WHERE assignment_id = 'A-C4'");
        start(request).statusCode(409).body("rule", equalTo("repeat"));
        assertEquals("abandoned", session(token).getString("state"));
    }

    @Test
    void prolificSessionContinuesOnlyWithAllThreeIds() {
        Map<String, Object> ids =
                Map.of("prolificPid", "PID-C", "studyId", "ST-C", "sessionId", "SE-C");
        String first =
                start(Map.of("study", SLUG, "prolific", ids))
                        .statusCode(201)
                        .extract()
                        .path("token");
        JsonPath again =
                start(Map.of("study", SLUG, "prolific", ids)).statusCode(200).extract().jsonPath();
        assertEquals("prolific", again.getString("source"));
        assertEquals(session(first).getList("trials.index"), again.getList("trials.index"));
        assertNull(again.get("completion"));

        Map<String, Object> otherSession = new HashMap<>(ids);
        otherSession.put("sessionId", "SE-OTHER");
        start(Map.of("study", SLUG, "prolific", otherSession))
                .statusCode(409)
                .body("rule", equalTo("repeat"));
        assertEquals(
                1L,
                Db.count("SELECT count(*) FROM participant_session WHERE external_id = 'PID-C'"));
        participant()
                .get("/api/participant/sessions/" + first)
                .then()
                .statusCode(200)
                .body("completion", nullValue());
    }
}
