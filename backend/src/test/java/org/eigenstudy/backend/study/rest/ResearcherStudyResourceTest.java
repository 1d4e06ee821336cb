package org.eigenstudy.backend.study.rest;

import static org.eigenstudy.backend.testing.TestApi.participant;
import static org.eigenstudy.backend.testing.TestApi.researcher;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.util.Map;
import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ResearcherStudyResourceTest {

    static String token;

    @BeforeEach
    void account() {
        if (token == null) {
            token = TestApi.tokenFor("import-researcher", "researcher");
        }
    }

    private static io.restassured.response.ValidatableResponse importFixture(StudyFixture fixture) {
        return researcher(token)
                .body(
                        Map.of(
                                "configPath",
                                fixture.config.toString(),
                                "stimuliDir",
                                fixture.stimuli.toString()))
                .post("/api/researcher/studies")
                .then();
    }

    @Test
    void aDraftIsDeletedWithItsContentAndCanBeImportedAgainButOpenAndClosedStudiesAreKept() {
        StudyFixture fixture = StudyFixture.create("delete-me", 1, StudyFixture.Design.standard());
        int id = importFixture(fixture).statusCode(201).extract().path("id");
        researcher(token).delete("/api/researcher/studies/" + id).then().statusCode(204);
        researcher(token).get("/api/researcher/studies/" + id).then().statusCode(404);
        researcher(token).delete("/api/researcher/studies/" + id).then().statusCode(404);
        for (String table : new String[] {"study_model", "trial", "frame"}) {
            assertEquals(
                    0,
                    Db.count("SELECT count(*) FROM " + table + " WHERE study_id = ?", (long) id),
                    table);
        }
        // The same slug and version import again, and once opened the study is kept.
        int again = importFixture(fixture).statusCode(201).extract().path("id");
        researcher(token).post("/api/researcher/studies/" + again + "/open").then().statusCode(200);
        researcher(token)
                .delete("/api/researcher/studies/" + again)
                .then()
                .statusCode(409)
                .body("rule", equalTo("state"))
                .body("error", containsString("only a draft can be deleted; this study is open"));
        researcher(token)
                .post("/api/researcher/studies/" + again + "/close")
                .then()
                .statusCode(200);
        researcher(token)
                .delete("/api/researcher/studies/" + again)
                .then()
                .statusCode(409)
                .body("error", containsString("this study is closed"));
        researcher(token)
                .get("/api/researcher/studies/" + again)
                .then()
                .statusCode(200)
                .body("state", equalTo("closed"));
    }

    @Test
    void importsADraftWithItsAxesAndTrials() {
        StudyFixture fixture = StudyFixture.create("import-ok", 2, StudyFixture.Design.standard());
        int id =
                importFixture(fixture)
                        .statusCode(201)
                        .body("state", equalTo("draft"))
                        .body("slug", equalTo("import-ok"))
                        .body("design.trialsPerParticipant", equalTo(6))
                        .body("models[0].axes", hasSize(6))
                        .body("models[0].axes[0].strips", equalTo(StudyFixture.REFERENCES))
                        .extract()
                        .path("id");
        // 6 axes, each a condition cell and a catch trial
        assertEquals(12, Db.count("SELECT count(*) FROM trial WHERE study_id = ?", (long) id));
        assertEquals(
                6 * 5 * 3, Db.count("SELECT count(*) FROM frame WHERE study_id = ?", (long) id));
        researcher(token)
                .get("/api/researcher/studies")
                .then()
                .statusCode(200)
                .body("slug", hasItem("import-ok"));
        // a draft takes no participants
        participant()
                .body(Map.of("study", "import-ok"))
                .post("/api/participant/sessions")
                .then()
                .statusCode(409)
                .body("rule", equalTo("study-not-open"));
        researcher(token)
                .post("/api/researcher/studies/" + id + "/open")
                .then()
                .statusCode(200)
                .body("state", equalTo("open"));
        researcher(token)
                .post("/api/researcher/studies/" + id + "/close")
                .then()
                .statusCode(200)
                .body("state", equalTo("closed"));
        // A closed study reopens as the same version and closes again; closing it twice is refused.
        researcher(token)
                .post("/api/researcher/studies/" + id + "/open")
                .then()
                .statusCode(200)
                .body("state", equalTo("open"))
                .body("version", equalTo(1));
        researcher(token).post("/api/researcher/studies/" + id + "/close").then().statusCode(200);
        researcher(token).post("/api/researcher/studies/" + id + "/close").then().statusCode(409);
        researcher(token).post("/api/researcher/studies/999999/open").then().statusCode(404);
        // importing the same slug and version again is refused
        importFixture(fixture).statusCode(409).body("rule", equalTo("exists"));
    }

    @Test
    void importWithATamperedImageIsRefusedAndStoresNothing() throws Exception {
        StudyFixture fixture =
                StudyFixture.create("import-bad-sha", 1, StudyFixture.Design.standard());
        fixture.corrupt("m1/top-01/r0-f1.png");
        Files.delete(fixture.stimuli.resolve("m1/bottom-01/r2-f0.png"));
        importFixture(fixture)
                .statusCode(422)
                .body("problems", hasSize(2))
                .body("problems.rule", hasItem("checksum"))
                .body("problems.rule", hasItem("missing-file"))
                .body("problems.error", hasItem(containsString("m1/top-01/r0-f1.png")));
        assertEquals(0, Db.count("SELECT count(*) FROM study WHERE slug = 'import-bad-sha'"));
    }

    @Test
    void importOfAConfigWithOtherStimuliOrABrokenManifestIsRefused() throws Exception {
        StudyFixture fixture =
                StudyFixture.create("import-changed", 1, StudyFixture.Design.standard());
        Files.writeString(fixture.config, fixture.yaml().replace("frames: 3", "frames: 5"));
        importFixture(fixture)
                .statusCode(422)
                .body("rule", equalTo("config-mismatch"))
                .body("error", containsString("compute them again for this config"));
        Files.writeString(fixture.stimuli.resolve("manifest.json"), "{\"schema\": ");
        importFixture(fixture).statusCode(422).body("rule", equalTo("manifest"));
        researcher(token)
                .body(Map.of("configYaml", "study: [", "stimuliDir", fixture.stimuli.toString()))
                .post("/api/researcher/studies")
                .then()
                .statusCode(422)
                .body("rule", equalTo("config"));
        researcher(token)
                .body(
                        Map.of(
                                "configPath",
                                fixture.config.toString(),
                                "stimuliDir",
                                "/no/such/folder"))
                .post("/api/researcher/studies")
                .then()
                .statusCode(422)
                .body("field", equalTo("stimuliDir"));
        researcher(token)
                .body(Map.of("stimuliDir", fixture.stimuli.toString()))
                .post("/api/researcher/studies")
                .then()
                .statusCode(422)
                .body("rule", equalTo("one-of"));
        assertEquals(0, Db.count("SELECT count(*) FROM study WHERE slug = 'import-changed'"));
    }
}
