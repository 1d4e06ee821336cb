package org.eigenstudy.backend.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

/**
 * With no login-cookie key configured (no EIGENSTUDY_SESSION_KEY, as on a first {@code ./eigenstudy
 * run}), the platform still has a random key, and neither it nor a Quarkus-made temporary key is
 * written to the log. Quarkus makes and logs its own key at the first form login, so the test logs
 * in before it reads the log file.
 */
@QuarkusTest
@TestProfile(SessionKeyNotLoggedTest.NoConfiguredKey.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class SessionKeyNotLoggedTest {

    static final Path LOG = Path.of("target", "session-key-test.log");

    /**
     * A profile other than "test", so application.properties' {@code %test} key does not apply; the
     * other test settings it needs are repeated here.
     */
    public static class NoConfiguredKey implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "no-session-key";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.deleteIfExists(LOG);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Map.of(
                    "quarkus.http.test-port", "0",
                    "eigenstudy.demo.config", "target/no-demo.yaml",
                    "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG.toString());
        }
    }

    @Test
    void aRandomKeyIsUsedAndNoKeyReachesTheLog() throws IOException {
        String key =
                ConfigProvider.getConfig()
                        .getValue("quarkus.http.auth.session.encryption-key", String.class);
        assertTrue(key.length() >= 43, "a 256-bit random key");
        assertNotEquals(
                ConfigProvider.getConfig()
                        .getOptionalValue(
                                "%test.quarkus.http.auth.session.encryption-key", String.class)
                        .orElse(""),
                key);

        TestApi.tokenFor("key-test", "researcher");
        String cookie =
                given().contentType("application/x-www-form-urlencoded")
                        .formParam("j_username", "key-test")
                        .formParam("j_password", TestApi.password("key-test"))
                        .post("/j_security_check")
                        .then()
                        .statusCode(200)
                        .extract()
                        .cookie("eigenstudy-session");
        given().cookie("eigenstudy-session", cookie)
                .get("/api/researcher/me")
                .then()
                .statusCode(200);

        String log = Files.readString(LOG);
        assertTrue(log.contains("Installed features"), "the whole start-up is in " + LOG);
        assertFalse(log.contains(key), "the session key is in the log");
        assertFalse(log.toLowerCase().contains("encryption key"), log);
        assertFalse(log.toLowerCase().contains("temporary key"), log);
    }
}
