package org.eigenstudy.backend.recruitment;

import static org.eigenstudy.backend.testing.TestApi.researcher;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/researcher/studies/{id}/recruitment}: the texts for a stored study with its
 * completion code, the test server's plain-http localhost URL warned about, 404 for a study that
 * does not exist, 401 without a token.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class RecruitmentEndpointTest {

    @Test
    void returnsTheTextsOfAStoredStudy() {
        String token = TestApi.tokenFor("recruitment-researcher", "researcher");
        long id =
                TestApi.importDraft(
                        token,
                        StudyFixture.create("recruit-api", 2, StudyFixture.Design.standard()));
        String code =
                researcher(token)
                        .get("/api/researcher/studies/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("completionCode");
        researcher(token)
                .get("/api/researcher/studies/" + id + "/recruitment")
                .then()
                .statusCode(200)
                .body("studyId", equalTo((int) id))
                .body("participantUrl", endsWith("/study/recruit-api"))
                .body("mturk.externalQuestion", containsString("/study/recruit-api</ExternalURL>"))
                .body("prolific.completionCode", equalTo(code))
                .body(
                        "prolific.studyUrl",
                        endsWith(
                                "/study/recruit-api?PROLIFIC_PID={{%PROLIFIC_PID%}}"
                                        + "&STUDY_ID={{%STUDY_ID%}}&SESSION_ID={{%SESSION_ID%}}"))
                .body("warnings", hasItem(containsString("is not https")))
                .body("warnings", hasItem(containsString("the study is a draft")));
    }

    @Test
    void unknownStudyIs404AndNoTokenIs401() {
        String token = TestApi.tokenFor("recruitment-researcher", "researcher");
        researcher(token)
                .get("/api/researcher/studies/987654321/recruitment")
                .then()
                .statusCode(404)
                .body("rule", equalTo("not-found"));
        io.restassured.RestAssured.given()
                .get("/api/researcher/studies/1/recruitment")
                .then()
                .statusCode(401);
    }
}
