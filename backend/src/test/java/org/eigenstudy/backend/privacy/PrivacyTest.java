package org.eigenstudy.backend.privacy;

import static org.eigenstudy.backend.testing.TestApi.researcher;
import static org.eigenstudy.backend.testing.TestApi.start;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.eigenstudy.backend.privacy.service.Retention;
import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

/**
 * Participants' rights end to end through the API and the database: withdrawal with the code of the
 * completion page deletes the session with its answers and gives its trials back; a researcher
 * deletes by platform id; both are logged without personal data; every later export and analysis
 * lacks them; after the retention period platform ids become pseudonyms.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class PrivacyTest {

    private static final String CODE_FORM = "\\d+-[A-Z2-9]{10}";

    private static String finish(String token) {
        TestApi.answerAll(token);
        return TestApi.participant()
                .post("/api/participant/sessions/" + token + "/finish")
                .then()
                .statusCode(200)
                .extract()
                .path("withdrawalCode");
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
                        "H-1",
                        "workerId",
                        worker,
                        "turkSubmitTo",
                        "https://workersandbox.mturk.com"));
    }

    private static long filled(long studyId) {
        return Db.count(
                "SELECT coalesce(sum(f.filled), 0) FROM trial_fill f JOIN trial t ON t.id ="
                        + " f.trial_id WHERE t.study_id = ?",
                studyId);
    }

    @Test
    void aParticipantWithdrawsWithTheirCode() {
        String owner = TestApi.tokenFor("privacy-owner", "researcher");
        String slug = "withdrawal-study";
        long id =
                TestApi.importAndOpen(
                        owner, StudyFixture.create(slug, 1, StudyFixture.Design.standard()));
        String keep = TestApi.startAndConsent(slug);
        finish(keep);
        long filledByOne = filled(id);
        String token = TestApi.startAndConsent(slug);
        String code = finish(token);
        assertTrue(code.matches(CODE_FORM), code);
        assertEquals(
                code,
                TestApi.resume(token).getString("completion.withdrawalCode"),
                "a reload shows the same code");
        long responsesBefore = Db.responses(slug);
        long filledBefore = filled(id);
        assertTrue(filledBefore > filledByOne);

        String tampered = code.substring(0, code.length() - 1) + (code.endsWith("A") ? "B" : "A");
        for (String wrong : List.of(tampered, "nonsense", "", "1-AAAAAAAAAA")) {
            TestApi.participant()
                    .body(Map.of("code", wrong))
                    .post("/api/participant/withdrawals")
                    .then()
                    .statusCode(404)
                    .body("rule", equalTo("not-found"));
        }
        int deleted =
                TestApi.participant()
                        .body(Map.of("code", " " + code.toLowerCase() + " "))
                        .post("/api/participant/withdrawals")
                        .then()
                        .statusCode(200)
                        .body("sessions", equalTo(1))
                        .extract()
                        .path("responses");
        assertTrue(deleted > 0);
        assertEquals(responsesBefore - deleted, Db.responses(slug), "its answers are gone");
        assertEquals(1, Db.sessions(slug), "the other participant stays");
        assertEquals(filledByOne, filled(id), "its trials are given back to the design");
        TestApi.participant().get("/api/participant/sessions/" + token).then().statusCode(404);
        TestApi.participant()
                .body(Map.of("code", code))
                .post("/api/participant/withdrawals")
                .then()
                .statusCode(404);
        researcher(owner)
                .get("/api/researcher/studies/" + id + "/deletions")
                .then()
                .statusCode(200)
                .body("actor", equalTo(List.of("participant")))
                .body("matchedBy", equalTo(List.of("withdrawal-code")))
                .body("responses", equalTo(List.of(deleted)));
        assertEquals(
                1L,
                (long)
                        researcher(owner)
                                .get("/api/researcher/studies/" + id + "/statistics")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<Integer>path("exclusion.participantsTotal"));
    }

    @Test
    void aResearcherDeletesAParticipantByPlatformIdOrCode() {
        String owner = TestApi.tokenFor("privacy-deleter", "researcher");
        String slug = "deletion-study";
        long id =
                TestApi.importAndOpen(
                        owner, StudyFixture.create(slug, 1, StudyFixture.Design.standard()));
        String worker = start(mturk(slug, "WORKERDEL123")).statusCode(201).extract().path("token");
        TestApi.consent(worker);
        TestApi.answerAll(worker);
        String other = TestApi.startAndConsent(slug);
        String code = finish(other);
        String base = "/api/researcher/studies/" + id + "/deletions";

        researcher(owner)
                .body(Map.of())
                .post(base)
                .then()
                .statusCode(422)
                .body("rule", equalTo("one-of"));
        researcher(owner)
                .body(Map.of("externalId", "WORKERDEL123", "withdrawalCode", code))
                .post(base)
                .then()
                .statusCode(422);
        researcher(owner).body(Map.of("externalId", "NOBODY")).post(base).then().statusCode(404);
        researcher(owner)
                .body(Map.of("externalId", "WORKERDEL123"))
                .post(base)
                .then()
                .statusCode(200)
                .body("sessions", equalTo(1))
                .body("actor", equalTo("privacy-deleter"))
                .body("matchedBy", equalTo("external-id"));
        String participants =
                researcher(owner)
                        .get("/api/researcher/studies/" + id + "/exports/participants.csv")
                        .asString();
        assertFalse(participants.contains("WORKERDEL123"), participants);
        assertEquals(
                0,
                Db.count(
                        "SELECT count(*) FROM participant_session WHERE external_id = ?",
                        "WORKERDEL123"));
        researcher(owner)
                .body(Map.of("withdrawalCode", code))
                .post(base)
                .then()
                .statusCode(200)
                .body("matchedBy", equalTo("withdrawal-code"));
        assertEquals(0, Db.sessions(slug));
        String log = researcher(owner).get(base).asString();
        assertFalse(log.contains("WORKERDEL123") || log.contains(code), "no personal data: " + log);
        assertEquals(2, Db.count("SELECT count(*) FROM data_deletion WHERE study_id = ?", id));
    }

    @Test
    void platformIdsArePseudonymisedAfterTheRetentionPeriod() {
        String owner = TestApi.tokenFor("privacy-retainer", "researcher");
        String slug = "retention-study";
        StudyFixture fixture =
                StudyFixture.create(slug, 1, StudyFixture.Design.standard().allowingRepeats());
        int id =
                researcher(owner)
                        .body(
                                Map.of(
                                        "configYaml",
                                        fixture.yaml()
                                                .replace(
                                                        "  debrief:",
                                                        "  retention_days: 30\n  debrief:"),
                                        "stimuliDir",
                                        fixture.stimuli.toString()))
                        .post("/api/researcher/studies")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        researcher(owner).post("/api/researcher/studies/" + id + "/open").then().statusCode(200);
        assertEquals(30, Db.count("SELECT retention_days FROM study WHERE id = ?", id));
        Retention retention = Arc.container().instance(Retention.class).get();
        for (String worker : List.of("WORKEROLD1", "WORKERNEW1")) {
            String token = start(mturk(slug, worker)).statusCode(201).extract().path("token");
            TestApi.consent(token);
            finish(token);
        }
        // A second HIT of the same worker: one participant, one pseudonym.
        String again =
                start(
                                Map.of(
                                        "study",
                                        slug,
                                        "mturk",
                                        Map.of(
                                                "assignmentId",
                                                "A-2",
                                                "hitId",
                                                "H-2",
                                                "workerId",
                                                "WORKEROLD1",
                                                "turkSubmitTo",
                                                "https://workersandbox.mturk.com")))
                        .statusCode(201)
                        .extract()
                        .path("token");
        TestApi.consent(again);
        finish(again);
        Db.update(
                "UPDATE participant_session SET completed_at = now() - interval '31 days'"
                        + " WHERE external_id = 'WORKEROLD1'");
        Db.update(
                "UPDATE participant_session SET completed_at = now() - interval '29 days'"
                        + " WHERE external_id = 'WORKERNEW1'");

        // The hourly job may have run in between; what counts is the state afterwards.
        retention.pseudonymiseDue();
        assertEquals(
                0,
                Db.count(
                        "SELECT count(*) FROM participant_session WHERE external_id ="
                                + " 'WORKEROLD1' OR assignment_id IN ('A-WORKEROLD1', 'A-2')"));
        assertEquals(
                1,
                Db.count(
                        "SELECT count(DISTINCT external_id) FROM participant_session"
                                + " WHERE study_id = ? AND pseudonymised_at IS NOT NULL",
                        id));
        assertEquals(
                2,
                Db.count(
                        "SELECT count(*) FROM participant_session WHERE study_id = ?"
                                + " AND external_id LIKE 'pseudonym-%' AND user_agent IS NULL",
                        id));
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM participant_session WHERE external_id ="
                                + " 'WORKERNEW1' AND pseudonymised_at IS NULL"),
                "not due yet: kept");
        String pseudonym =
                researcher(owner)
                        .get("/api/researcher/studies/" + id + "/participants?revealIds=true")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("[0].externalId");
        assertTrue(pseudonym.startsWith("pseudonym-"), pseudonym);
        assertNotEquals(0, Db.responses(slug), "the answers stay");
        assertEquals(0, retention.pseudonymiseDue(), "each session once");
    }
}
