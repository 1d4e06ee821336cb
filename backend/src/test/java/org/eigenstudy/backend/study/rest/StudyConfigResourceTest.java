package org.eigenstudy.backend.study.rest;

import static org.eigenstudy.backend.testing.TestApi.researcher;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The study editor's API: templates, live checks with the parser's locations, which edits need new
 * stimuli, and importing a new version or a duplicate on the stimuli a study already has.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class StudyConfigResourceTest {

    private static String token;

    @BeforeEach
    void account() {
        if (token == null) {
            token = TestApi.tokenFor("editor-researcher", "researcher");
        }
    }

    @Test
    void templatesAreTheRepositorysStudyFiles() throws Exception {
        researcher(token)
                .get("/api/researcher/study-configs/templates")
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of("demo", "methods-demo", "paper-replication")))
                .body(
                        "find { it.id == 'demo' }.yaml",
                        equalTo(Files.readString(Path.of("../study-config/demo.yaml"))));
    }

    @Test
    void anInvalidConfigIsAnsweredWithTheParsersLocatedProblemsAndNothingIsStored() {
        long studies = Db.count("SELECT count(*) FROM study");
        String yaml =
                "study:\n  slug: typo\n  title: T\nmodels:\n  - id: m1\n    card: c.json\n"
                        + "    space: z\n    stimuli: {distance: 1.0, frame: 8}\n";
        researcher(token)
                .body(Map.of("configYaml", yaml))
                .post("/api/researcher/study-configs/check")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("problems", hasSize(1))
                .body("problems[0].line", equalTo(8))
                .body("problems[0].column", equalTo(30))
                .body("problems[0].field", equalTo("models[0].stimuli.frame"))
                .body(
                        "problems[0].error",
                        containsString(
                                "study.yaml:8:30: models[0].stimuli.frame: unknown key (did you"
                                        + " mean 'frames'?)"));
        assertEquals(studies, Db.count("SELECT count(*) FROM study"));
        researcher(token)
                .body(Map.of())
                .post("/api/researcher/study-configs/check")
                .then()
                .statusCode(422)
                .body("field", equalTo("configYaml"));
    }

    @Test
    void anEditedTitleAndDesignReuseTheStimuliAsANewVersionButOtherFramesDoNot() {
        StudyFixture fixture = StudyFixture.create("edited", 1, StudyFixture.Design.standard());
        long base = TestApi.importDraft(token, fixture);
        String sameStimuli =
                fixture.yaml()
                        .replace("version: 1", "version: 2")
                        .replace("title: \"Fixture edited\"", "title: \"Edited\"")
                        .replace("trials_per_participant: 6", "trials_per_participant: 4");
        check(sameStimuli, base)
                .body("valid", equalTo(true))
                .body("slug", equalTo("edited"))
                .body("version", equalTo(2))
                .body("versionTaken", equalTo(false))
                .body(
                        "changes.field",
                        equalTo(
                                List.of(
                                        "study.title",
                                        "study.version",
                                        "design.trials_per_participant")))
                .body("changes.needsNewStimuli", equalTo(List.of(false, false, false)))
                .body("needsNewStimuli", equalTo(false));
        check(fixture.yaml(), base).body("versionTaken", equalTo(true)).body("changes", empty());
        int version2 =
                importOn(sameStimuli, base)
                        .statusCode(201)
                        .body("version", equalTo(2))
                        .body("title", equalTo("Edited"))
                        .extract()
                        .path("id");

        // A duplicate under another slug uses the same stimuli too.
        String duplicate = sameStimuli.replace("slug: edited", "slug: edited-copy");
        check(duplicate, (long) version2)
                .body("changes.field", equalTo(List.of("study.slug")))
                .body("needsNewStimuli", equalTo(false));
        importOn(duplicate, (long) version2).statusCode(201).body("slug", equalTo("edited-copy"));

        String otherFrames =
                sameStimuli.replace("version: 2", "version: 3").replace("frames: 3", "frames: 5");
        check(otherFrames, base)
                .body("needsNewStimuli", equalTo(true))
                .body(
                        "changes.findAll { it.needsNewStimuli }.field",
                        hasItem("models[0].stimuli.frames"));
        importOn(otherFrames, base).statusCode(422).body("rule", equalTo("config-mismatch"));
        assertEquals(
                0, Db.count("SELECT count(*) FROM study WHERE slug = 'edited' AND version = 3"));
    }

    private static io.restassured.response.ValidatableResponse check(String yaml, Long base) {
        Map<String, Object> body = new HashMap<>();
        body.put("configYaml", yaml);
        body.put("baseStudy", base);
        return researcher(token).body(body).post("/api/researcher/study-configs/check").then();
    }

    private static io.restassured.response.ValidatableResponse importOn(String yaml, long source) {
        return researcher(token)
                .body(Map.of("configYaml", yaml, "stimuliOf", source))
                .post("/api/researcher/studies")
                .then();
    }
}
