package org.eigenstudy.backend.participant.rest;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * The participant link the banner prints and the researcher API hands out: {@code /study/{slug}}.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ParticipantPageResourceTest {

    @Test
    void plainLinkLeadsToTheParticipantPage() {
        given().redirects()
                .follow(false)
                .when()
                .get("/study/demo")
                .then()
                .statusCode(307)
                .header("Location", endsWith("/study/?study=demo"));
    }

    @Test
    void crowdPlatformParametersSurviveTheRedirect() {
        given().redirects()
                .follow(false)
                .urlEncodingEnabled(false)
                .when()
                .get(
                        "/study/demo?assignmentId=A1&hitId=H%201&workerId=W1"
                                + "&turkSubmitTo=https%3A%2F%2Fworkersandbox.mturk.com")
                .then()
                .statusCode(307)
                .header(
                        "Location",
                        endsWith(
                                "/study/?study=demo&assignmentId=A1&hitId=H%201&workerId=W1"
                                        + "&turkSubmitTo=https%3A%2F%2Fworkersandbox.mturk.com"));
    }

    @Test
    void slugIsEncodedNotInterpreted() {
        given().redirects()
                .follow(false)
                .urlEncodingEnabled(false)
                .when()
                .get("/study/a%26b")
                .then()
                .statusCode(307)
                .header("Location", endsWith("/study/?study=a%26b"));
    }

    private static org.hamcrest.Matcher<String> endsWith(String suffix) {
        return org.hamcrest.Matchers.endsWith(suffix);
    }
}
