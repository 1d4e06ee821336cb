package org.eigenstudy.backend.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class PlatformEndpointsTest {

    @Test
    void readinessIncludesTheDatabase() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void servesAnOpenApiDocument() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("Eigenstudy API"))
                // What a lab scripts instead of clicking: every dashboard action is an API call.
                .body(
                        "paths.keySet()",
                        hasItems(
                                "/api/researcher/models",
                                "/api/researcher/bundles",
                                "/api/researcher/study-configs/check",
                                "/api/researcher/study-configs/templates",
                                "/api/researcher/stimulus-jobs",
                                "/api/researcher/stimulus-jobs/{id}/cancel",
                                "/api/researcher/studies/{id}/pilot",
                                "/api/researcher/studies/{id}/preview-session",
                                "/api/researcher/studies/{id}/config.yaml"));
    }

    @Test
    void migrationsRan() {
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
