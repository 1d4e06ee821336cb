package org.eigenstudy.backend.participant.service;

import static org.eigenstudy.backend.testing.TestApi.answer;
import static org.eigenstudy.backend.testing.TestApi.answerAll;
import static org.eigenstudy.backend.testing.TestApi.consent;
import static org.eigenstudy.backend.testing.TestApi.participant;
import static org.eigenstudy.backend.testing.TestApi.put;
import static org.eigenstudy.backend.testing.TestApi.start;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.util.Map;
import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.eigenstudy.studyconfig.manifest.Sha256;
import org.junit.jupiter.api.Test;

/**
 * Resuming a session that timed out says so up front ({@code state} abandoned, {@code expiresAt})
 * and whether starting again would be accepted ({@code canStartAgain}), which is exactly what
 * {@code POST /sessions} with the same parameters then does.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class SessionStatusTest {

    private static String researcher() {
        return TestApi.tokenFor("expired-resume-researcher", "researcher");
    }

    private static long importAndOpen(String slug, StudyFixture.Design design, int version) {
        return TestApi.importAndOpen(researcher(), StudyFixture.create(slug, 2, design, version));
    }

    private static JsonPath session(String token) {
        return TestApi.resume(token);
    }

    private static void timeOut(String token) {
        assertEquals(
                1,
                Db.update(
                        "UPDATE participant_session SET expires_at = now() - interval '1 minute'"
                                + " WHERE token_sha256 = ?",
                        Sha256.of(token)));
    }

    private static Map<String, Object> mturk(String slug, String worker) {
        return Map.of(
                "study",
                slug,
                "mturk",
                Map.of(
                        "assignmentId",
                        "A-" + worker,
                        "hitId",
                        "HIT-X",
                        "workerId",
                        worker,
                        "turkSubmitTo",
                        "https://workersandbox.mturk.com"));
    }

    @Test
    void plainLinkSessionThatTimedOutSaysSoAndMayStartAgain() {
        String slug = "expired-link";
        importAndOpen(slug, StudyFixture.Design.standard(), 1);
        String token = start(Map.of("study", slug)).statusCode(201).extract().path("token");
        consent(token);
        put(token, "expired-link-0", answer(0, true)).statusCode(201);

        JsonPath live = session(token);
        assertEquals("consented", live.getString("state"));
        assertTrue(
                OffsetDateTime.parse(live.getString("expiresAt"))
                        .isAfter(OffsetDateTime.now().plusMinutes(50)),
                live.getString("expiresAt"));
        assertFalse(live.getBoolean("canStartAgain"), "a live session continues, no new start");

        timeOut(token);
        JsonPath expired = session(token);
        assertEquals("abandoned", expired.getString("state"));
        assertTrue(
                OffsetDateTime.parse(expired.getString("expiresAt"))
                        .isBefore(OffsetDateTime.now()));
        assertTrue(expired.getBoolean("canStartAgain"));
        assertNull(expired.get("completion"));
        // what the page then offers is accepted: a new session, from the first trial
        JsonPath again = start(Map.of("study", slug)).statusCode(201).extract().jsonPath();
        assertEquals(0, again.getInt("answeredTrials"));
        assertEquals("started", again.getString("state"));
    }

    @Test
    void plainLinkOfAClosedStudyMayNotStartAgain() {
        String slug = "expired-link-closed";
        long id = importAndOpen(slug, StudyFixture.Design.standard(), 1);
        String token = start(Map.of("study", slug)).statusCode(201).extract().path("token");
        timeOut(token);
        TestApi.researcher(researcher())
                .post("/api/researcher/studies/" + id + "/close")
                .then()
                .statusCode(200);
        JsonPath expired = session(token);
        assertEquals("abandoned", expired.getString("state"));
        assertFalse(expired.getBoolean("canStartAgain"));
        start(Map.of("study", slug)).statusCode(409).body("rule", equalTo("study-not-open"));
    }

    @Test
    void mturkAssignmentThatTimedOutMayNotStartAgainWithoutRepeats() {
        String slug = "expired-mturk";
        importAndOpen(slug, StudyFixture.Design.standard(), 1);
        Map<String, Object> arrival = mturk(slug, "W-EXP-1");
        String token = start(arrival).statusCode(201).extract().path("token");
        timeOut(token);
        JsonPath expired = session(token);
        assertEquals("abandoned", expired.getString("state"));
        assertEquals("mturk", expired.getString("source"));
        assertFalse(expired.getBoolean("canStartAgain"));
        start(arrival).statusCode(409).body("rule", equalTo("repeat"));
    }

    @Test
    void prolificSessionThatTimedOutMayStartAgainWhereRepeatsAreAllowed() {
        String slug = "expired-prolific-repeat";
        importAndOpen(slug, StudyFixture.Design.standard().allowingRepeats(), 1);
        Map<String, Object> arrival =
                Map.of(
                        "study",
                        slug,
                        "prolific",
                        Map.of("prolificPid", "P-EXP", "studyId", "S-EXP", "sessionId", "X-EXP"));
        String token = start(arrival).statusCode(201).extract().path("token");
        timeOut(token);
        assertTrue(session(token).getBoolean("canStartAgain"));
        start(arrival).statusCode(201);
    }

    /** A newer version of the study is open: a worker has not taken part in that one yet. */
    @Test
    void mturkWorkerMayStartTheNewVersionWhenTheirVersionWasReplaced() {
        String slug = "expired-mturk-v2";
        importAndOpen(slug, StudyFixture.Design.standard(), 1);
        Map<String, Object> arrival = mturk(slug, "W-EXP-2");
        String token = start(arrival).statusCode(201).extract().path("token");
        timeOut(token);
        assertFalse(session(token).getBoolean("canStartAgain"));
        importAndOpen(slug, StudyFixture.Design.standard(), 2);
        JsonPath expired = session(token);
        assertEquals(1, expired.getInt("study.version"));
        assertTrue(expired.getBoolean("canStartAgain"));
        JsonPath again = start(arrival).statusCode(201).extract().jsonPath();
        assertEquals(2, again.getInt("study.version"));
    }

    @Test
    void completedSessionHasNoTimeLimitAndNoNewStart() {
        String slug = "expired-completed";
        importAndOpen(slug, StudyFixture.Design.standard(), 1);
        String token = start(Map.of("study", slug)).statusCode(201).extract().path("token");
        consent(token);
        answerAll(token);
        participant().post("/api/participant/sessions/" + token + "/finish").then().statusCode(200);
        timeOut(token);
        JsonPath done = session(token);
        assertEquals("completed", done.getString("state"));
        assertNull(done.get("expiresAt"));
        assertFalse(done.getBoolean("canStartAgain"));
    }
}
