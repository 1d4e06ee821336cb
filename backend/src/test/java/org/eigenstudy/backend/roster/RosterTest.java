package org.eigenstudy.backend.roster;

import static org.eigenstudy.backend.testing.TestApi.researcher;
import static org.eigenstudy.backend.testing.TestApi.start;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

/**
 * The participants table, exclusions and payout files: ids masked unless an editor asks; an
 * exclusion needs a reason, leaves the session out of the analysis (and only there) and is kept in
 * the exports; the MTurk and Prolific files list exactly the finished sessions, rejecting the
 * excluded ones with their reason.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class RosterTest {

    private static final String SLUG = "roster-study";

    /** A finished session; {@code seesChanges} false passes every catch trial, true fails them. */
    private static String finished(Map<String, Object> start, boolean seesChanges) {
        String token = start(start).statusCode(201).extract().path("token");
        TestApi.consent(token);
        for (int index : TestApi.trialIndexes(token)) {
            TestApi.put(
                            token,
                            "resp-" + java.util.UUID.randomUUID(),
                            TestApi.answer(index, seesChanges))
                    .statusCode(201);
        }
        TestApi.participant()
                .post("/api/participant/sessions/" + token + "/finish")
                .then()
                .statusCode(200);
        return token;
    }

    private static Map<String, Object> mturk(String worker) {
        return Map.of(
                "study",
                SLUG,
                "mturk",
                Map.of(
                        "assignmentId",
                        "ASSIGN-" + worker,
                        "hitId",
                        "HIT-R",
                        "workerId",
                        worker,
                        "turkSubmitTo",
                        "https://workersandbox.mturk.com"));
    }

    @Test
    void researchersManageWhoCountsAndWhoIsPaid() {
        String owner = TestApi.tokenFor("roster-owner", "researcher");
        String viewer = TestApi.tokenFor("roster-viewer", "researcher");
        long id =
                TestApi.importAndOpen(
                        owner, StudyFixture.create(SLUG, 1, StudyFixture.Design.standard()));
        researcher(owner)
                .body(Map.of("role", "viewer"))
                .put("/api/researcher/studies/" + id + "/members/roster-viewer")
                .then()
                .statusCode(200);
        finished(mturk("WORKERAAA111"), false);
        finished(mturk("WORKERBBB222"), false);
        finished(mturk("WORKERCCC333"), true);
        finished(
                Map.of(
                        "study",
                        SLUG,
                        "prolific",
                        Map.of(
                                "prolificPid",
                                "5f0c0ffee0ddba11c0ffee01",
                                "studyId",
                                "PS-1",
                                "sessionId",
                                "PSESS-1")),
                false);
        String unfinished = TestApi.startAndConsent(SLUG);
        String base = "/api/researcher/studies/" + id;

        JsonPath masked =
                researcher(viewer)
                        .get(base + "/participants")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertEquals(5, masked.getList("id").size());
        assertEquals("WO••••••••11", masked.getString("find { it.source == 'mturk' }.externalId"));
        assertFalse(masked.prettify().contains("WORKERAAA111"), "masked for everyone by default");
        assertEquals("completed", masked.getString("[0].state"));
        assertTrue(masked.getInt("[0].answered") > 0);
        assertEquals(masked.getInt("[0].trials"), masked.getInt("[0].answered"));
        assertEquals("consented", masked.getString("[4].state"));
        assertTrue(masked.getBoolean("[2].catchExcluded"), "the study's own rule, shown");
        assertTrue(masked.getInt("[2].catchFailed") > 0);
        assertFalse(masked.getBoolean("[0].catchExcluded"));
        researcher(viewer)
                .get(base + "/participants?revealIds=true")
                .then()
                .statusCode(403)
                .body("rule", equalTo("study-role"));
        JsonPath revealed =
                researcher(owner)
                        .get(base + "/participants?revealIds=true")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertEquals("WORKERBBB222", revealed.getString("[1].externalId"));
        long second = revealed.getLong("[1].id");

        // Participants with answers (the unfinished session has none yet), before the catch rule.
        assertEquals(4, participantsAnalysed(owner, base));
        researcher(owner)
                .body(Map.of("reason", "  "))
                .put(base + "/participants/" + second + "/exclusion")
                .then()
                .statusCode(422)
                .body("field", equalTo("reason"));
        researcher(owner)
                .body(Map.of("reason", "x"))
                .put(base + "/participants/999999/exclusion")
                .then()
                .statusCode(404);
        researcher(viewer)
                .body(Map.of("reason", "x"))
                .put(base + "/participants/" + second + "/exclusion")
                .then()
                .statusCode(403);
        researcher(owner)
                .body(Map.of("reason", "=reported a colour-vision deficiency"))
                .put(base + "/participants/" + second + "/exclusion")
                .then()
                .statusCode(200)
                .body("exclusion.reason", equalTo("=reported a colour-vision deficiency"))
                .body("exclusion.by", equalTo("roster-owner"));
        assertEquals(3, participantsAnalysed(owner, base), "the analysis leaves it out");
        String participantsCsv =
                researcher(owner).get(base + "/exports/participants.csv").asString();
        assertTrue(
                participantsCsv.contains("'=reported a colour-vision deficiency"),
                "kept in the export, formula-guarded: " + participantsCsv);
        String responsesCsv = researcher(owner).get(base + "/exports/responses.csv").asString();
        assertTrue(
                responsesCsv.lines().findFirst().orElseThrow().endsWith(",excluded_by_researcher"));
        assertTrue(responsesCsv.contains(",true\r\n"), "its answers are still exported, marked");

        researcher(owner)
                .delete(base + "/participants/" + second + "/exclusion")
                .then()
                .statusCode(200)
                .body("$", not(org.hamcrest.Matchers.hasKey("exclusion")));
        assertEquals(4, participantsAnalysed(owner, base));
        researcher(owner)
                .body(Map.of("reason", "failed the colour test"))
                .put(base + "/participants/" + second + "/exclusion")
                .then()
                .statusCode(200);

        String review =
                researcher(owner)
                        .get(base + "/payouts/mturk-review.csv")
                        .then()
                        .statusCode(200)
                        .header(
                                "Content-Disposition",
                                containsString(SLUG + "-v1-mturk-review.csv"))
                        .extract()
                        .asString();
        assertEquals(
                List.of(
                        "AssignmentId,WorkerId,HITId,Approve,Reject",
                        "ASSIGN-WORKERAAA111,WORKERAAA111,HIT-R,x,",
                        "ASSIGN-WORKERBBB222,WORKERBBB222,HIT-R,,failed the colour test",
                        "ASSIGN-WORKERCCC333,WORKERCCC333,HIT-R,,failed "
                                + masked.getInt("[2].catchFailed")
                                + " of the attention checks"),
                review.lines().toList());
        assertEquals(
                "5f0c0ffee0ddba11c0ffee01\n",
                researcher(owner).get(base + "/payouts/prolific-approve.txt").asString());
        assertEquals(
                "5f0c0ffee0ddba11c0ffee01,0.50\n",
                researcher(owner)
                        .get(base + "/payouts/prolific-bonus.csv?amount=0.5")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        assertEquals(
                List.of(
                        "WorkerId,AssignmentId,BonusAmount,Reason",
                        "WORKERAAA111,ASSIGN-WORKERAAA111,1.25,Bonus for completing the study"),
                researcher(owner)
                        .get(base + "/payouts/mturk-bonus.csv?amount=1.25")
                        .asString()
                        .lines()
                        .toList());
        assertEquals(
                "participant_id,reason\r\n",
                researcher(owner).get(base + "/payouts/prolific-reject.csv").asString());
        for (String bad : List.of("", "abc", "0", "1.234", "101")) {
            researcher(owner)
                    .get(base + "/payouts/prolific-bonus.csv?amount=" + bad)
                    .then()
                    .statusCode(422)
                    .body("field", equalTo("amount"));
        }
        researcher(owner).get(base + "/payouts/other.csv").then().statusCode(404);
        researcher(viewer).get(base + "/payouts/mturk-review.csv").then().statusCode(403);
        TestApi.resume(unfinished);
    }

    private static int participantsAnalysed(String token, String base) {
        return researcher(token)
                .get(base + "/statistics")
                .then()
                .statusCode(200)
                .extract()
                .path("exclusion.participantsTotal");
    }
}
