package org.eigenstudy.backend.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.eigenstudy.backend.researcher.service.AccountService;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Form login and its cookie: no timing tell of which names exist, a bearer token decides alone, no
 * login CSRF, and the Secure flag behind a TLS proxy.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class LoginCookieTest {

    private static final String USER = "cookie-user";

    @Inject AccountService accounts;

    @BeforeEach
    void account() {
        if (accounts.find(USER).isEmpty()) {
            accounts.create(USER, TestApi.password(USER), "researcher");
        }
    }

    private static Response login(String header, String value) {
        var request =
                given().contentType(ContentType.URLENC)
                        .formParam("j_username", USER)
                        .formParam("j_password", TestApi.password(USER));
        if (header != null) {
            request = request.header(header, value);
        }
        return request.post("/j_security_check");
    }

    @Test
    void aFailedLoginTakesAsLongForAnUnknownNameAsForAWrongPassword() {
        long wrongPassword = Long.MAX_VALUE;
        long unknownName = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            assertTrue(accounts.verify(USER, "not-the-password").isEmpty());
            wrongPassword = Math.min(wrongPassword, System.nanoTime() - start);
            start = System.nanoTime();
            assertTrue(accounts.verify("nobody-of-that-name", "not-the-password").isEmpty());
            unknownName = Math.min(unknownName, System.nanoTime() - start);
        }
        // Both are one bcrypt check (tens of milliseconds); a bare lookup would be ~1 ms.
        assertTrue(
                unknownName * 3 > wrongPassword,
                "unknown name "
                        + unknownName / 1e6
                        + " ms, wrong password "
                        + wrongPassword / 1e6
                        + " ms");
    }

    @Test
    void aForgedBearerTokenNextToAValidLoginCookieIsRefusedAndNotLetPastTheCsrfCheck() {
        String cookie =
                login(null, null).then().statusCode(200).extract().cookie("eigenstudy-session");
        given().cookie("eigenstudy-session", cookie)
                .header("Authorization", "Bearer est_forged-token")
                .contentType(ContentType.JSON)
                .body(Map.of("name", "cookie and a forged token"))
                .post("/api/researcher/tokens")
                .then()
                .statusCode(401);
        given().cookie("eigenstudy-session", cookie)
                .header("Authorization", "Bearer est_forged-token")
                .get("/api/researcher/me")
                .then()
                .statusCode(401);
    }

    @Test
    void aLoginThatAnotherSiteSubmitsIsRefusedAndSetsNoCookie() {
        for (String site : new String[] {"cross-site", "same-site"}) {
            Response reply = login("Sec-Fetch-Site", site);
            reply.then().statusCode(403).body("rule", equalTo("csrf"));
            assertNull(reply.getHeader("Set-Cookie"), site);
        }
        login("Sec-Fetch-Site", "same-origin").then().statusCode(200);
        login("Sec-Fetch-Site", "none").then().statusCode(200);
        login(null, null).then().statusCode(200);
    }

    @Test
    void theCookieIsSecureWhenTheTrustedProxySaysTheBrowserUsedHttps() {
        // The test profile trusts X-Forwarded-* as EIGENSTUDY_BEHIND_PROXY=true does.
        String behindTls =
                login("X-Forwarded-Proto", "https")
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("Set-Cookie");
        assertTrue(behindTls.contains("Secure"), behindTls);
        assertTrue(behindTls.contains("SameSite=Strict"), behindTls);
        String plain = login(null, null).then().statusCode(200).extract().header("Set-Cookie");
        assertFalse(plain.contains("Secure"), plain);
    }
}
