package org.eigenstudy.backend.researcher;

import static io.restassured.RestAssured.given;
import static org.eigenstudy.backend.testing.TestApi.researcher;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ResearcherAuthTest {

    static String researcherToken;
    static String adminToken;
    static long studyId;
    static String participantToken;

    /** Every researcher endpoint: method and path, and a content type when it is not JSON. */
    static List<String[]> endpoints() {
        String s = "/api/researcher/studies/" + studyId;
        return List.of(
                new String[] {"GET", "/api/researcher/me"},
                new String[] {"PUT", "/api/researcher/me/password"},
                new String[] {"POST", "/api/researcher/logout"},
                new String[] {"GET", "/api/researcher/studies"},
                new String[] {"POST", "/api/researcher/studies"},
                new String[] {"GET", s},
                new String[] {"POST", s + "/open"},
                new String[] {"POST", s + "/close"},
                new String[] {"GET", s + "/progress"},
                new String[] {"GET", s + "/recruitment"},
                new String[] {"GET", s + "/config.yaml"},
                new String[] {"GET", "/api/researcher/bundles"},
                // An upload is multipart; another type is refused (415) before authentication.
                new String[] {"POST", "/api/researcher/bundles", "multipart/form-data; boundary=b"},
                new String[] {"GET", "/api/researcher/models"},
                new String[] {"POST", "/api/researcher/models", "multipart/form-data; boundary=b"},
                new String[] {"GET", "/api/researcher/models/1/sample-grid.png"},
                new String[] {"GET", "/api/researcher/stimulus-jobs"},
                new String[] {"POST", "/api/researcher/stimulus-jobs"},
                new String[] {"GET", "/api/researcher/stimulus-jobs/1"},
                new String[] {"GET", "/api/researcher/stimulus-jobs/1/log"},
                new String[] {"POST", "/api/researcher/stimulus-jobs/1/cancel"},
                new String[] {"GET", s + "/preview-session"},
                new String[] {"POST", s + "/pilot"},
                new String[] {"GET", "/api/researcher/study-configs/templates"},
                new String[] {"POST", "/api/researcher/study-configs/check"},
                new String[] {"GET", s + "/exports/responses.csv"},
                new String[] {"GET", s + "/exports/responses.json"},
                new String[] {"GET", s + "/exports/participants.csv"},
                new String[] {"GET", s + "/exports/stimuli.csv"},
                new String[] {"GET", "/api/researcher/tokens"},
                new String[] {"POST", "/api/researcher/tokens"},
                new String[] {"DELETE", "/api/researcher/tokens/1"},
                new String[] {"GET", "/api/researcher/accounts"},
                new String[] {"POST", "/api/researcher/accounts"});
    }

    @BeforeEach
    void setUp() {
        if (researcherToken == null) {
            researcherToken = TestApi.tokenFor("auth-researcher", "researcher");
            adminToken = TestApi.tokenFor("auth-admin", "admin");
            studyId =
                    TestApi.importAndOpen(
                            adminToken,
                            StudyFixture.create("auth", 1, StudyFixture.Design.standard()));
            participantToken = TestApi.startAndConsent("auth");
        }
    }

    private static void expect(Supplier<RequestSpecification> client, int status) {
        for (String[] endpoint : endpoints()) {
            boolean json = endpoint.length == 2;
            client.get()
                    .contentType(json ? ContentType.JSON.toString() : endpoint[2])
                    .body(
                            json
                                    ? "{}".getBytes(StandardCharsets.UTF_8)
                                    : "--b--\r\n".getBytes(StandardCharsets.US_ASCII))
                    .request(endpoint[0], endpoint[1])
                    .then()
                    .statusCode(status)
                    .body("rule", equalTo(status == 401 ? "authentication" : "role"));
        }
    }

    @Test
    void anonymousCallersAreRefusedEverywhere() {
        expect(() -> given(), 401);
    }

    @Test
    void participantTokensAndForgedTokensAreNotCredentials() {
        expect(() -> given().header("Authorization", "Bearer " + participantToken), 401);
        expect(() -> given().header("Authorization", "Bearer est_forged"), 401);
        expect(() -> given().cookie("eigenstudy-session", "forged-cookie-value"), 401);
    }

    @Test
    void researchersCannotUseAdminEndpoints() {
        researcher(researcherToken)
                .get("/api/researcher/accounts")
                .then()
                .statusCode(403)
                .body("rule", equalTo("role"));
        researcher(researcherToken)
                .body(
                        Map.of(
                                "username",
                                "intruder",
                                "password",
                                "long-enough-password",
                                "role",
                                "admin"))
                .post("/api/researcher/accounts")
                .then()
                .statusCode(403);
        researcher(researcherToken)
                .get("/api/researcher/me")
                .then()
                .statusCode(200)
                .body("role", equalTo("researcher"));
        // The admin's study is not theirs: not found, until its owner (an admin may) adds them.
        researcher(researcherToken)
                .get("/api/researcher/studies/" + studyId)
                .then()
                .statusCode(404);
        researcher(adminToken)
                .body(Map.of("role", "viewer"))
                .put("/api/researcher/studies/" + studyId + "/members/auth-researcher")
                .then()
                .statusCode(200);
        researcher(researcherToken)
                .get("/api/researcher/studies/" + studyId)
                .then()
                .statusCode(200);
    }

    @Test
    void tenFailedLoginsLockTheNameForAWhileEvenForTheRightPasswordAndNobodyElse() {
        TestApi.tokenFor("guessed-account", "researcher");
        TestApi.tokenFor("other-account", "researcher");
        for (int i = 0; i < 10; i++) {
            login("guessed-account", "wrong-password-" + i).statusCode(401);
        }
        // The right password is refused now, with the same answer: the guesser learns nothing.
        login("guessed-account", TestApi.password("guessed-account")).statusCode(401);
        login("other-account", TestApi.password("other-account")).statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse login(String user, String password) {
        return given().contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user)
                .formParam("j_password", password)
                .post("/j_security_check")
                .then();
    }

    @Test
    void adminsManageAccountsAndNewAccountsCanLogIn() {
        researcher(adminToken)
                .body(Map.of("username", "new-person", "password", "short", "role", "researcher"))
                .post("/api/researcher/accounts")
                .then()
                .statusCode(422)
                .body("field", equalTo("password"));
        researcher(adminToken)
                .body(
                        Map.of(
                                "username",
                                "new-person",
                                "password",
                                TestApi.password("new-person"),
                                "role",
                                "researcher"))
                .post("/api/researcher/accounts")
                .then()
                .statusCode(201);
        researcher(adminToken)
                .get("/api/researcher/accounts")
                .then()
                .statusCode(200)
                .body("username", hasItem("new-person"))
                .body(
                        "passwordHash",
                        org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()));
        TestApi.loginSpec("new-person")
                .get("/api/researcher/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("new-person"));
        given().contentType(ContentType.URLENC)
                .formParam("j_username", "new-person")
                .formParam("j_password", "wrong password")
                .post("/j_security_check")
                .then()
                .statusCode(401);
    }

    @Test
    void adminsDisableAccountsAndNothingSignsInAsThemUntilEnabled() {
        String token = TestApi.tokenFor("leaving-person", "researcher");
        RequestSpecification cookie = TestApi.loginSpec("leaving-person");
        String path = "/api/researcher/accounts/leaving-person/disabled";
        researcher(token).body(Map.of("disabled", true)).put(path).then().statusCode(403);
        researcher(adminToken).body(Map.of()).put(path).then().statusCode(422);
        researcher(adminToken)
                .body(Map.of("disabled", true))
                .put("/api/researcher/accounts/nobody-here/disabled")
                .then()
                .statusCode(404);
        researcher(adminToken)
                .body(Map.of("disabled", true))
                .put(path)
                .then()
                .statusCode(200)
                .body("disabled", equalTo(true));
        // Its token, its existing login cookie and a new login all stop working at once.
        researcher(token).get("/api/researcher/me").then().statusCode(401);
        cookie.get("/api/researcher/me").then().statusCode(401);
        login("leaving-person", TestApi.password("leaving-person")).statusCode(401);
        researcher(adminToken)
                .get("/api/researcher/accounts")
                .then()
                .body("find { it.username == 'leaving-person' }.disabled", equalTo(true));
        String admin =
                researcher(adminToken).get("/api/researcher/me").then().extract().path("username");
        researcher(adminToken)
                .body(Map.of("disabled", true))
                .put("/api/researcher/accounts/" + admin + "/disabled")
                .then()
                .statusCode(409)
                .body("rule", equalTo("self"));

        researcher(adminToken).body(Map.of("disabled", false)).put(path).then().statusCode(200);
        researcher(token).get("/api/researcher/me").then().statusCode(200);
        login("leaving-person", TestApi.password("leaving-person")).statusCode(200);
    }

    @Test
    void cookieLoginNeedsTheCsrfHeaderForChanges() {
        String setCookie =
                given().contentType(ContentType.URLENC)
                        .formParam("j_username", "auth-researcher")
                        .formParam("j_password", TestApi.password("auth-researcher"))
                        .post("/j_security_check")
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("Set-Cookie");
        org.junit.jupiter.api.Assertions.assertTrue(
                setCookie.contains("SameSite=Strict"), setCookie);
        org.junit.jupiter.api.Assertions.assertTrue(
                setCookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), setCookie);
        RequestSpecification session = TestApi.loginSpec("auth-researcher");
        session.contentType(ContentType.JSON)
                .body(Map.of("name", "no header"))
                .post("/api/researcher/tokens")
                .then()
                .statusCode(403)
                .body("rule", equalTo("csrf"));
        TestApi.loginSpec("auth-researcher").get("/api/researcher/studies").then().statusCode(200);
        TestApi.loginSpec("auth-researcher")
                .header("X-Requested-With", "eigenstudy")
                .contentType(ContentType.JSON)
                .body(Map.of("name", "with header"))
                .post("/api/researcher/tokens")
                .then()
                .statusCode(201);
    }

    @Test
    void tokensCanBeListedAndRevoked() {
        String token = TestApi.tokenFor("auth-revoker", "researcher");
        int id =
                researcher(token)
                        .get("/api/researcher/tokens")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("[0].id");
        researcher(token)
                .get("/api/researcher/tokens")
                .then()
                .body("token", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()));
        researcher(researcherToken).delete("/api/researcher/tokens/" + id).then().statusCode(404);
        researcher(token).delete("/api/researcher/tokens/" + id).then().statusCode(204);
        researcher(token).get("/api/researcher/me").then().statusCode(401);
    }
}
