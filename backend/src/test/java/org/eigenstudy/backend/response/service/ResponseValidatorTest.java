package org.eigenstudy.backend.response.service;

import static org.eigenstudy.backend.testing.TestApi.answer;
import static org.eigenstudy.backend.testing.TestApi.participant;
import static org.eigenstudy.backend.testing.TestApi.put;
import static org.eigenstudy.backend.testing.TestApi.start;
import static org.eigenstudy.backend.testing.TestApi.startAndConsent;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ResponseValidatorTest {

    static final String SLUG = "bad-input";
    static String token;

    @BeforeEach
    void setUp() {
        if (token == null) {
            String researcher = TestApi.tokenFor("bad-input-researcher", "researcher");
            TestApi.importAndOpen(
                    researcher, StudyFixture.create(SLUG, 2, StudyFixture.Design.standard()));
            token = startAndConsent(SLUG);
        }
    }

    /**
     * Sends answer 0 changed by {@code edit}; expects 422 naming {@code field} and {@code rule}.
     */
    private void refused(Consumer<Map<String, Object>> edit, String field, String rule) {
        Map<String, Object> body = new HashMap<>(answer(0, true));
        edit.accept(body);
        long before = Db.responses(SLUG);
        put(token, "bad-" + field.replace('.', '-') + "-" + rule, body)
                .statusCode(422)
                .body("field", equalTo(field))
                .body("rule", equalTo(rule))
                .body("error", not(containsString("Exception")));
        assertEquals(before, Db.responses(SLUG));
    }

    @Test
    void outOfRangeAndInconsistentAnswersAreRefused() {
        refused(b -> b.remove("magnitude"), "magnitude", "required-if-change");
        refused(b -> b.put("magnitude", 101), "magnitude", "range");
        refused(b -> b.put("magnitude", -1), "magnitude", "range");
        refused(
                b -> {
                    b.put("changeSeen", false);
                    b.put("magnitude", 10);
                },
                "magnitude",
                "absent-unless-change");
        for (String followUp : new String[] {"sharedCount", "consistency"}) {
            refused(b -> b.remove(followUp), followUp, "required-if-change");
            refused(
                    b -> {
                        b.put("changeSeen", false);
                        b.remove("magnitude");
                        b.remove(followUp.equals("sharedCount") ? "consistency" : "sharedCount");
                    },
                    followUp,
                    "absent-unless-change");
        }
        refused(b -> b.remove("changeSeen"), "changeSeen", "required");
        refused(b -> b.put("sharedCount", 6), "sharedCount", "range");
        refused(b -> b.put("consistency", 0), "consistency", "range");
        refused(b -> b.put("consistency", 10), "consistency", "range");
        refused(b -> b.put("difficulty", 0), "difficulty", "range");
        refused(b -> b.remove("difficulty"), "difficulty", "required");
        refused(b -> b.put("responseTimeMs", -5), "responseTimeMs", "range");
        refused(b -> b.put("trialIndex", 7), "trialIndex", "range");
        refused(b -> b.put("trialIndex", -1), "trialIndex", "range");
        refused(b -> b.put("clientTimestamp", "yesterday"), "clientTimestamp", "timestamp");
        refused(b -> b.remove("clientTimestamp"), "clientTimestamp", "required");
        refused(b -> b.put("description", "x".repeat(1001)), "description", "max-length");
        refused(b -> b.put("description", "nul \u0000 char"), "description", "characters");
    }

    @Test
    void noChangeStoresNoFollowUpRatingsAndReplaysIdempotently() {
        String fresh = startAndConsent(SLUG);
        Map<String, Object> body = answer(1, false);
        put(fresh, "no-change-answer", body).statusCode(201);
        put(fresh, "no-change-answer", body).statusCode(200).body("answeredTrials", equalTo(1));
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM response WHERE client_response_id = 'no-change-answer'"
                                + " AND NOT change_seen AND magnitude IS NULL"
                                + " AND shared_count IS NULL AND consistency IS NULL"
                                + " AND difficulty = 4"));
        // the same id with a rating added is a different answer, and refused as such before the
        // idempotency check: nothing changes
        Map<String, Object> changed = new HashMap<>(body);
        changed.put("consistency", 5);
        put(fresh, "no-change-answer", changed)
                .statusCode(422)
                .body("rule", equalTo("absent-unless-change"));
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM response WHERE client_response_id = 'no-change-answer'"
                                + " AND consistency IS NULL"));
    }

    @Test
    void wrongTypesAndMalformedJsonAre400() {
        long before = Db.responses(SLUG);
        for (String body :
                new String[] {
                    "{\"trialIndex\": \"0\"}",
                    "{\"trialIndex\": 0.5}",
                    "{\"changeSeen\": 1}",
                    "{\"changeSeen\": \"yes\"}",
                    "{\"magnitude\": [1]}",
                    "[1, 2]",
                    "{\"trialIndex\": 0,",
                    "not json",
                }) {
            participant()
                    .body(body)
                    .put("/api/participant/sessions/" + token + "/responses/wrong-type-1")
                    .then()
                    .statusCode(400)
                    .body("rule", org.hamcrest.Matchers.oneOf("type", "json"));
        }
        assertEquals(before, Db.responses(SLUG));
    }

    @Test
    void longUnicodeDescriptionIsStoredExactlyAsGiven() {
        String fresh = startAndConsent(SLUG);
        // 1000 code points, most of them outside the Basic Multilingual Plane
        String description = "<b>\"x\"</b>, 'é' \n" + "😀".repeat(1000 - 17);
        Map<String, Object> body = answer(0, true);
        body.put("description", description);
        put(fresh, "unicode-answer", body).statusCode(201);
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM response WHERE client_response_id = 'unicode-answer'"
                                + " AND description = ?",
                        description));
    }

    @Test
    void hugeBodiesAndBadIdsAreRefused() {
        Map<String, Object> body = answer(0, true);
        body.put("description", "x".repeat(70_000));
        put(token, "huge-body-1", body).statusCode(413).body("rule", equalTo("size"));
        put(token, "short", answer(0, true))
                .statusCode(422)
                .body("field", equalTo("clientResponseId"));
        put(token, "bad id with spaces", answer(0, true)).statusCode(422);
    }

    @Test
    void badSessionStartsAreRefusedAndStoreNothing() {
        long sessions = Db.sessions(SLUG);
        start(Map.of()).statusCode(422).body("field", equalTo("study"));
        start(Map.of("study", SLUG, "mturk", Map.of("assignmentId", "A1")))
                .statusCode(422)
                .body("field", equalTo("mturk.hitId"));
        start(
                        Map.of(
                                "study",
                                SLUG,
                                "mturk",
                                Map.of(
                                        "assignmentId",
                                        "A1",
                                        "hitId",
                                        "H",
                                        "workerId",
                                        "W",
                                        "turkSubmitTo",
                                        "javascript:alert(1)")))
                .statusCode(422)
                .body("rule", equalTo("url"));
        start(Map.of("study", SLUG, "prolific", Map.of("prolificPid", "P")))
                .statusCode(422)
                .body("field", equalTo("prolific.studyId"));
        start(Map.of("study", SLUG, "client", Map.of("screenWidth", "wide")))
                .statusCode(400)
                .body("field", equalTo("client.screenWidth"));
        participant()
                .body(Map.of("consent", false))
                .post("/api/participant/sessions/" + token + "/consent")
                .then()
                .statusCode(422)
                .body("field", equalTo("consent"));
        assertEquals(sessions, Db.sessions(SLUG));
    }

    @Test
    void unknownFieldsLongUserAgentsAndNumbersForTextStoreNothing() {
        long sessions = Db.sessions(SLUG);
        start(Map.of("study", SLUG, "admin", true))
                .statusCode(400)
                .body("field", equalTo("admin"))
                .body("rule", equalTo("unknown-field"));
        start(Map.of("study", SLUG, "client", Map.of("userAgent", "u".repeat(201))))
                .statusCode(422)
                .body("field", equalTo("client.userAgent"));
        start(Map.of("study", SLUG, "client", Map.of("userAgent", 5)))
                .statusCode(400)
                .body("field", equalTo("client.userAgent"));
        assertEquals(sessions, Db.sessions(SLUG));

        long responses = Db.responses(SLUG);
        Map<String, Object> numberDescription = new HashMap<>(answer(0, true));
        numberDescription.put("description", 5);
        put(token, "number-description", numberDescription)
                .statusCode(400)
                .body("field", equalTo("description"));
        Map<String, Object> unknown = new HashMap<>(answer(0, true));
        unknown.put("score", 100);
        put(token, "unknown-response-field", unknown)
                .statusCode(400)
                .body("field", equalTo("score"));
        assertEquals(responses, Db.responses(SLUG));
    }

    @Test
    void bodyOverTheHttpLimitGetsAJsonError() {
        long sessions = Db.sessions(SLUG);
        start(Map.of("study", SLUG, "client", Map.of("userAgent", "x".repeat(2 << 20))))
                .statusCode(413)
                .body("rule", equalTo("size"))
                .body("error", containsString("larger than"));
        assertEquals(sessions, Db.sessions(SLUG));
    }

    @Test
    void rateLimitRefusesFloodsFromOneAddress() {
        String address = TestApi.freshAddress();
        int created = 0;
        int limited = 0;
        for (int i = 0; i < 25; i++) {
            int status =
                    io.restassured.RestAssured.given()
                            .contentType(io.restassured.http.ContentType.JSON)
                            .header("X-Forwarded-For", address)
                            .body(Map.of("study", SLUG))
                            .post("/api/participant/sessions")
                            .statusCode();
            if (status == 201) {
                created++;
            } else {
                assertEquals(429, status);
                limited++;
            }
        }
        assertEquals(20, created);
        assertEquals(5, limited);
    }
}
