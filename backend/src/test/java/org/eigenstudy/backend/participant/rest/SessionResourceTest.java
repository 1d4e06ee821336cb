package org.eigenstudy.backend.participant.rest;

import static org.eigenstudy.backend.testing.TestApi.answer;
import static org.eigenstudy.backend.testing.TestApi.answerAll;
import static org.eigenstudy.backend.testing.TestApi.consent;
import static org.eigenstudy.backend.testing.TestApi.participant;
import static org.eigenstudy.backend.testing.TestApi.put;
import static org.eigenstudy.backend.testing.TestApi.start;
import static org.eigenstudy.backend.testing.TestApi.startAndConsent;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class SessionResourceTest {

    static final String SLUG = "flow";
    static final String PROLIFIC_SLUG = "flow-prolific";
    static boolean imported;

    @BeforeEach
    void importStudies() {
        // Once per class; RestAssured knows the test port only from the first test on.
        if (imported) {
            return;
        }
        imported = true;
        String token = TestApi.tokenFor("flow-researcher", "researcher");
        TestApi.importAndOpen(token, StudyFixture.create(SLUG, 2, StudyFixture.Design.standard()));
        TestApi.importAndOpen(
                token,
                StudyFixture.create(
                        PROLIFIC_SLUG,
                        2,
                        StudyFixture.Design.standard()
                                .withProlificUrl("https://app.prolific.com/submissions/complete")));
    }

    @Test
    void plainLinkRunsFromConsentToCompletionCode() {
        JsonPath started = start(Map.of("study", SLUG)).statusCode(201).extract().jsonPath();
        String token = started.getString("token");
        assertEquals(43, token.length());
        assertEquals("started", started.getString("state"));
        assertEquals(7, started.getInt("totalTrials"));
        assertEquals(0, started.getInt("nextTrialIndex"));
        List<Map<String, Object>> strips = started.getList("trials[0].strips");
        assertEquals(StudyFixture.REFERENCES, strips.size());
        participant()
                .get(started.getString("trials[0].strips[0].frames[0].url"))
                .then()
                .statusCode(200)
                .contentType("image/png");
        consent(token);
        answerAll(token);
        participant()
                .post("/api/participant/sessions/" + token + "/finish")
                .then()
                .statusCode(200)
                .body("kind", equalTo("code"))
                .body("code", equalTo("CODE-1234"));
        participant()
                .get("/api/participant/sessions/" + token)
                .then()
                .body("state", equalTo("completed"))
                .body("nextTrialIndex", equalTo(7))
                .body("completion.code", equalTo("CODE-1234"));
        // finishing again returns the same completion, answering again is refused
        participant()
                .post("/api/participant/sessions/" + token + "/finish")
                .then()
                .statusCode(200)
                .body("code", equalTo("CODE-1234"));
        put(token, "late-answer-1", answer(0, false))
                .statusCode(409)
                .body("rule", equalTo("finished"));
    }

    @Test
    void refreshResumesAtFirstUnansweredTrial() {
        String token = startAndConsent(SLUG);
        put(token, "resume-aaaa-0", answer(0, true)).statusCode(201);
        put(token, "resume-aaaa-1", answer(1, false)).statusCode(201);
        put(token, "resume-aaaa-3", answer(3, true)).statusCode(201);
        participant()
                .get("/api/participant/sessions/" + token)
                .then()
                .statusCode(200)
                .body("answeredTrials", equalTo(3))
                .body("nextTrialIndex", equalTo(2))
                .body("trials[2].answered", equalTo(false))
                .body("trials[3].answered", equalTo(true));
    }

    @Test
    void retryIsIdempotentAndChangedBodyConflicts() {
        String token = startAndConsent(SLUG);
        long before = Db.responses(SLUG);
        JsonPath first =
                put(token, "retry-abcdef", answer(0, true)).statusCode(201).extract().jsonPath();
        JsonPath second =
                put(token, "retry-abcdef", answer(0, true)).statusCode(200).extract().jsonPath();
        assertEquals(first.getMap(""), second.getMap(""));
        assertEquals(before + 1, Db.responses(SLUG));
        Map<String, Object> changed = answer(0, true);
        changed.put("magnitude", 99);
        put(token, "retry-abcdef", changed)
                .statusCode(409)
                .body("rule", equalTo("idempotency-conflict"));
        put(token, "retry-other1", answer(0, true))
                .statusCode(409)
                .body("rule", equalTo("already-answered"));
        assertEquals(before + 1, Db.responses(SLUG));
    }

    @Test
    void answeringBeforeConsentOrFinishingEarlyIsRefused() {
        String token = start(Map.of("study", SLUG)).statusCode(201).extract().path("token");
        put(token, "early-answer", answer(0, true))
                .statusCode(409)
                .body("rule", equalTo("consent-required"));
        consent(token);
        put(token, "early-answer", answer(0, true)).statusCode(201);
        participant()
                .post("/api/participant/sessions/" + token + "/finish")
                .then()
                .statusCode(409)
                .body("rule", equalTo("incomplete"));
    }

    @Test
    void mturkFinishGivesTheExternalSubmitForm() {
        Map<String, Object> mturk =
                Map.of(
                        "assignmentId", "ASSIGN-77",
                        "hitId", "HIT-1",
                        "workerId", "WORKER-MT-1",
                        "turkSubmitTo", "https://workersandbox.mturk.com");
        String token =
                start(Map.of("study", SLUG, "mturk", mturk))
                        .statusCode(201)
                        .extract()
                        .path("token");
        consent(token);
        answerAll(token);
        participant()
                .post("/api/participant/sessions/" + token + "/finish")
                .then()
                .statusCode(200)
                .body("kind", equalTo("mturk"))
                .body(
                        "form.action",
                        equalTo("https://workersandbox.mturk.com/mturk/externalSubmit"))
                .body("form.method", equalTo("POST"))
                .body("form.fields.assignmentId", equalTo("ASSIGN-77"))
                .body("form.fields.completionCode", equalTo("CODE-1234"));
        // the same worker may not take part again
        Map<String, Object> again = new java.util.HashMap<>(mturk);
        again.put("assignmentId", "ASSIGN-78");
        start(Map.of("study", SLUG, "mturk", again))
                .statusCode(409)
                .body("rule", equalTo("repeat"));
    }

    @Test
    void mturkPreviewShowsTheTaskAndStoresNothing() {
        long sessions = Db.sessions(SLUG);
        participant()
                .get("/api/participant/studies/" + SLUG + "/preview")
                .then()
                .statusCode(200)
                .body("study.slug", equalTo(SLUG))
                .body("example.strips", hasSize(StudyFixture.REFERENCES));
        Map<String, Object> preview =
                Map.of(
                        "assignmentId", "ASSIGNMENT_ID_NOT_AVAILABLE",
                        "hitId", "HIT-1",
                        "workerId", "WORKER-PREVIEW",
                        "turkSubmitTo", "https://workersandbox.mturk.com");
        start(Map.of("study", SLUG, "mturk", preview))
                .statusCode(422)
                .body("rule", equalTo("preview"))
                .body("field", equalTo("mturk.assignmentId"));
        assertEquals(sessions, Db.sessions(SLUG));
    }

    @Test
    void prolificFinishRedirectsWithTheCompletionCode() {
        Map<String, Object> prolific =
                Map.of("prolificPid", "PID-1", "studyId", "STUDY-1", "sessionId", "SESSION-1");
        String token =
                start(Map.of("study", PROLIFIC_SLUG, "prolific", prolific))
                        .statusCode(201)
                        .body("source", equalTo("prolific"))
                        .extract()
                        .path("token");
        consent(token);
        answerAll(token);
        participant()
                .post("/api/participant/sessions/" + token + "/finish")
                .then()
                .statusCode(200)
                .body("kind", equalTo("prolific"))
                .body(
                        "redirectUrl",
                        equalTo("https://app.prolific.com/submissions/complete?cc=CODE-1234"));
        // the same Prolific session again gets its completion back (SessionServiceTest);
        // another session of the same participant is a repeat
        Map<String, Object> another = new java.util.HashMap<>(prolific);
        another.put("sessionId", "SESSION-2");
        start(Map.of("study", PROLIFIC_SLUG, "prolific", another))
                .statusCode(409)
                .body("rule", equalTo("repeat"));
    }

    @Test
    void catchTrialsShowIdenticalFramesAndAreScored() {
        String token = startAndConsent(SLUG);
        JsonPath session =
                participant().get("/api/participant/sessions/" + token).then().extract().jsonPath();
        long catchTrials =
                Db.count(
                        "SELECT count(*) FROM assignment a JOIN trial t ON t.id = a.trial_id JOIN"
                                + " participant_session s ON s.id = a.session_id WHERE t.is_catch AND"
                                + " s.id = (SELECT max(id) FROM participant_session)");
        assertEquals(1, catchTrials);
        int catchIndex = -1;
        for (int i = 0; i < session.getInt("totalTrials"); i++) {
            List<String> urls = session.getList("trials[" + i + "].strips[0].frames.url");
            if (urls.stream().distinct().count() == 1) {
                catchIndex = i;
            } else {
                assertEquals(StudyFixture.STEPS.length, urls.stream().distinct().count());
            }
        }
        assertNotEquals(-1, catchIndex);
        put(token, "catch-answer", answer(catchIndex, true)).statusCode(201);
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM response WHERE client_response_id = 'catch-answer' AND"
                                + " catch_passed = FALSE"));
    }

    @Test
    void unknownTokenIsNotFound() {
        String unknown = "A".repeat(43);
        participant()
                .get("/api/participant/sessions/" + unknown)
                .then()
                .statusCode(404)
                .body("rule", equalTo("not-found"));
        put(unknown, "whatever-1", answer(0, true)).statusCode(404);
        participant().post("/api/participant/sessions/short/finish").then().statusCode(404);
    }

    @Test
    void unknownOrClosedStudyCannotBeStarted() {
        start(Map.of("study", "no-such-study")).statusCode(404).body("error", startsWith("study"));
        participant().get("/api/participant/studies/no-such-study").then().statusCode(404);
        participant()
                .get("/api/participant/studies/" + SLUG)
                .then()
                .statusCode(200)
                .body("trials", equalTo(7))
                .body("presentation", equalTo("strip"))
                .body(
                        "description",
                        equalTo("Rows of generated pictures that change step by step."))
                .body("compensation", equalTo("USD 1.50 for about 10 minutes"));
    }

    @Test
    void trialsDoNotRevealAxisOrCatchStatus() {
        String token = start(Map.of("study", SLUG)).statusCode(201).extract().path("token");
        participant()
                .get("/api/participant/sessions/" + token)
                .then()
                .body("trials.axisClass", everyItem(nullValue()))
                .body("trials.isCatch", everyItem(nullValue()));
    }
}
