package org.eigenstudy.backend.study.rest;

import static org.eigenstudy.backend.testing.TestApi.researcher;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

/**
 * Who sees and changes a study: its importer owns it; a researcher who takes no part gets 404 from
 * every endpoint on it (never data, not even its existence); a viewer reads but cannot change; an
 * editor changes but cannot manage members; the last owner cannot leave; admins see everything.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class StudyAccessTest {

    /** Every endpoint on one study, with the role it needs (viewer reads, editor changes). */
    private static List<String[]> endpoints(long id) {
        String s = "/api/researcher/studies/" + id;
        return List.of(
                new String[] {"GET", s, "viewer"},
                new String[] {"GET", s + "/progress", "viewer"},
                new String[] {"GET", s + "/recruitment", "viewer"},
                new String[] {"GET", s + "/statistics", "viewer"},
                new String[] {"GET", s + "/statistics.csv", "viewer"},
                new String[] {"GET", s + "/statistics/bundle.zip", "viewer"},
                new String[] {"GET", s + "/exports/responses.csv", "viewer"},
                new String[] {"GET", s + "/exports/responses.json", "viewer"},
                new String[] {"GET", s + "/exports/participants.csv", "viewer"},
                new String[] {"GET", s + "/exports/stimuli.csv", "viewer"},
                new String[] {"GET", s + "/geometry", "viewer"},
                new String[] {"GET", s + "/stimuli", "viewer"},
                new String[] {"GET", s + "/config.yaml", "viewer"},
                new String[] {"GET", s + "/preview-session", "viewer"},
                new String[] {"GET", s + "/members", "viewer"},
                new String[] {"GET", s + "/participants", "viewer"},
                new String[] {"GET", s + "/deletions", "viewer"},
                new String[] {"GET", s + "/participants?revealIds=true", "editor"},
                new String[] {"GET", s + "/payouts/mturk-review.csv", "editor"},
                new String[] {"PUT", s + "/participants/1/exclusion", "editor"},
                new String[] {"DELETE", s + "/participants/1/exclusion", "editor"},
                new String[] {"POST", s + "/deletions", "editor"},
                new String[] {"POST", s + "/pilot", "editor"},
                new String[] {"POST", s + "/close", "editor"},
                new String[] {"POST", s + "/open", "editor"},
                new String[] {"DELETE", s, "editor"},
                new String[] {"PUT", s + "/members/access-stranger", "owner"},
                new String[] {"DELETE", s + "/members/access-owner", "owner"});
    }

    private static Response call(String token, String[] endpoint) {
        var request = researcher(token);
        if (endpoint[2].equals("owner") && endpoint[0].equals("PUT")) {
            request = request.body(Map.of("role", "owner"));
        }
        return request.request(endpoint[0], endpoint[1]);
    }

    @Test
    void aStudyIsItsMembersOnlyAndEachRoleDoesWhatItAllows() {
        String owner = TestApi.tokenFor("access-owner", "researcher");
        String stranger = TestApi.tokenFor("access-stranger", "researcher");
        String admin = TestApi.tokenFor("access-admin", "admin");
        StudyFixture fixture = StudyFixture.create("owned", 1, StudyFixture.Design.standard());
        long id = TestApi.importDraft(owner, fixture);

        researcher(owner)
                .get("/api/researcher/studies/" + id + "/members")
                .then()
                .statusCode(200)
                .body("username", equalTo(List.of("access-owner")))
                .body("role", equalTo(List.of("owner")));
        researcher(stranger)
                .get("/api/researcher/studies")
                .then()
                .statusCode(200)
                .body("id", not(hasItem((int) id)));
        for (String[] endpoint : endpoints(id)) {
            Response answer = call(stranger, endpoint);
            assertEquals(404, answer.statusCode(), endpoint[0] + " " + endpoint[1]);
            assertEquals(
                    "study " + id + " not found",
                    answer.jsonPath().getString("error"),
                    "no data: " + endpoint[1]);
        }
        // Not even a bad body tells a stranger that the study exists.
        for (String path : List.of("/members/access-stranger", "/statistics/power")) {
            researcher(stranger)
                    .body(Map.of())
                    .request(
                            path.startsWith("/members") ? "PUT" : "POST",
                            "/api/researcher/studies/" + id + path)
                    .then()
                    .statusCode(404);
        }
        // Nor may a stranger import on the study's stimuli.
        researcher(stranger)
                .body(Map.of("configYaml", fixture.yaml(), "stimuliOf", id))
                .post("/api/researcher/studies")
                .then()
                .statusCode(404);
        researcher(admin).get("/api/researcher/studies/" + id).then().statusCode(200);

        // A viewer reads everything and changes nothing.
        member(owner, id, "access-stranger", "viewer").statusCode(200);
        for (String[] endpoint : endpoints(id)) {
            Response answer = call(stranger, endpoint);
            if (endpoint[2].equals("viewer")) {
                assertEquals(200, answer.statusCode(), endpoint[0] + " " + endpoint[1]);
            } else {
                assertEquals(403, answer.statusCode(), endpoint[0] + " " + endpoint[1]);
                assertEquals("study-role", answer.jsonPath().getString("rule"));
            }
        }
        // An editor changes the study, not its members.
        member(owner, id, "access-stranger", "editor").statusCode(200);
        researcher(stranger)
                .post("/api/researcher/studies/" + id + "/pilot")
                .then()
                .statusCode(200)
                .body("state", equalTo("pilot"));
        member(stranger, id, "access-stranger", "owner")
                .statusCode(403)
                .body(
                        "error",
                        containsString("you are an editor of this study; this needs an owner"));

        // The last owner cannot leave; with another owner, they can.
        researcher(owner)
                .delete("/api/researcher/studies/" + id + "/members/access-owner")
                .then()
                .statusCode(409)
                .body("rule", equalTo("last-owner"));
        member(owner, id, "access-stranger", "owner").statusCode(200);
        researcher(owner)
                .delete("/api/researcher/studies/" + id + "/members/access-owner")
                .then()
                .statusCode(200)
                .body("username", equalTo(List.of("access-stranger")));
        researcher(owner).get("/api/researcher/studies/" + id).then().statusCode(404);
        member(stranger, id, "nobody-here", "viewer")
                .statusCode(422)
                .body("field", equalTo("username"));
    }

    private static io.restassured.response.ValidatableResponse member(
            String token, long id, String user, String role) {
        return researcher(token)
                .body(Map.of("role", role))
                .put("/api/researcher/studies/" + id + "/members/" + user)
                .then();
    }
}
