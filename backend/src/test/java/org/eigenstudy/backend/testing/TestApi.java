package org.eigenstudy.backend.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eigenstudy.backend.researcher.service.AccountService;

/** Shared steps of the HTTP tests: accounts, tokens, imported studies and participants. */
public final class TestApi {

    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    private TestApi() {}

    /** A fresh client address, so each simulated participant has its own rate-limit bucket. */
    public static String freshAddress() {
        int n = ADDRESS.incrementAndGet();
        return "10." + ((n >> 16) & 0xFF) + "." + ((n >> 8) & 0xFF) + "." + (n & 0xFF);
    }

    /** Creates an account (if missing) and returns a bearer token for it. */
    /** Fails (never skips) a test that needs geometry-core's CLI jar, saying why it needs it. */
    public static void requireGeometryCli(String why) {
        assertTrue(
                Files.isRegularFile(Path.of("../geometry-core/target/geometry-core-cli.jar")),
                "build geometry-core first (mvn install): " + why);
    }

    public static String tokenFor(String username, String role) {
        AccountService accounts = Arc.container().instance(AccountService.class).get();
        if (accounts.find(username).isEmpty()) {
            accounts.create(username, password(username), role);
        }
        return loginSpec(username)
                .contentType(ContentType.JSON)
                .header("X-Requested-With", "eigenstudy")
                .body(Map.of("name", "test " + UUID.randomUUID()))
                .post("/api/researcher/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
    }

    public static String password(String username) {
        return "password-of-" + username;
    }

    /** A request carrying a logged-in dashboard cookie. */
    public static RequestSpecification loginSpec(String username) {
        String cookie =
                given().contentType(ContentType.URLENC)
                        .formParam("j_username", username)
                        .formParam("j_password", password(username))
                        .post("/j_security_check")
                        .then()
                        .statusCode(200)
                        .extract()
                        .cookie("eigenstudy-session");
        return given().cookie("eigenstudy-session", cookie);
    }

    public static RequestSpecification researcher(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    /** Imports a fixture study (a draft); returns its id. */
    public static long importDraft(String token, StudyFixture fixture) {
        int id =
                researcher(token)
                        .body(
                                Map.of(
                                        "configPath", fixture.config.toString(),
                                        "stimuliDir", fixture.stimuli.toString()))
                        .post("/api/researcher/studies")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        return id;
    }

    /** Imports and opens a fixture study; returns its id. */
    public static long importAndOpen(String token, StudyFixture fixture) {
        long id = importDraft(token, fixture);
        researcher(token).post("/api/researcher/studies/" + id + "/open").then().statusCode(200);
        return id;
    }

    public static RequestSpecification participant() {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", freshAddress());
    }

    /** Starts a plain-link session and consents; returns the token. */
    /**
     * The participant's view of a session ({@code GET …/sessions/{token}}), which must answer 200.
     */
    public static JsonPath resume(String token) {
        return participant()
                .get("/api/participant/sessions/" + token)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    public static String startAndConsent(String slug) {
        String token = start(Map.of("study", slug)).statusCode(201).extract().path("token");
        consent(token);
        return token;
    }

    public static ValidatableResponse start(Map<String, ?> body) {
        return participant().body(body).post("/api/participant/sessions").then();
    }

    public static void consent(String token) {
        participant()
                .body(Map.of("consent", true))
                .post("/api/participant/sessions/" + token + "/consent")
                .then()
                .statusCode(200);
    }

    /** A valid answer for trial {@code index}. */
    public static Map<String, Object> answer(int index, boolean changeSeen) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trialIndex", index);
        body.put("changeSeen", changeSeen);
        body.put("description", "answer " + index);
        if (changeSeen) {
            // the follow-up ratings of a seen change; "no change" has none (docs/api.md)
            body.put("magnitude", 40 + index);
            body.put("sharedCount", 3);
            body.put("consistency", 7);
        }
        body.put("difficulty", 4);
        body.put("responseTimeMs", 1000 + index);
        body.put("trialStartedAt", "2026-11-22T08:00:00Z");
        body.put("clientTimestamp", "2026-11-22T08:00:0" + (index % 10) + ".5Z");
        return body;
    }

    public static ValidatableResponse put(String token, String clientId, Map<String, ?> body) {
        return participant()
                .body(body)
                .put("/api/participant/sessions/" + token + "/responses/" + clientId)
                .then();
    }

    /** The trial indexes of a session, in the order it shows them. */
    public static List<Integer> trialIndexes(String token) {
        return participant()
                .get("/api/participant/sessions/" + token)
                .then()
                .statusCode(200)
                .extract()
                .path("trials.index");
    }

    /** Answers every trial of a session in order. */
    public static void answerAll(String token) {
        for (int index : trialIndexes(token)) {
            put(token, "resp-" + UUID.randomUUID(), answer(index, index % 2 == 0)).statusCode(201);
        }
    }
}
