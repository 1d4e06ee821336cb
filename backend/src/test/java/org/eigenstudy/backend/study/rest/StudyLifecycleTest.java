package org.eigenstudy.backend.study.rest;

import static org.eigenstudy.backend.testing.TestApi.researcher;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.eigenstudy.backend.testing.Csv;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.eigenstudy.studyconfig.manifest.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * draft → pilot → open → closed → reopened: pilot sessions are marked, left out of progress and the
 * analysis but kept in the exports; a closed study reopens as the same version; a participant cap
 * stops new sessions once reached, pilots not counting.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class StudyLifecycleTest {

    private static String token;

    @BeforeEach
    void account() {
        if (token == null) {
            token = TestApi.tokenFor("lifecycle-researcher", "researcher");
        }
    }

    @Test
    void pilotSessionsAreMarkedAndLeftOutOfProgressAndAnalysisButExported() {
        StudyFixture fixture = StudyFixture.create("piloted", 1, StudyFixture.Design.standard());
        long id = TestApi.importDraft(token, fixture);
        TestApi.start(Map.of("study", "piloted")).statusCode(409);
        post(id, "pilot").statusCode(200).body("state", equalTo("pilot"));
        String pilot = TestApi.startAndConsent("piloted");
        TestApi.answerAll(pilot);
        researcher(token)
                .get("/api/researcher/studies/" + id + "/progress")
                .then()
                .body("pilot", equalTo(1))
                .body("started", equalTo(0))
                .body("responses", equalTo(0));
        post(id, "pilot").statusCode(200); // piloting a pilot changes nothing
        researcher(token).delete("/api/researcher/studies/" + id).then().statusCode(409);

        post(id, "open").statusCode(200).body("state", equalTo("open"));
        post(id, "pilot")
                .statusCode(409)
                .body("error", containsString("only a draft can be piloted; this study is open"));
        String real = TestApi.startAndConsent("piloted");
        TestApi.answerAll(real);
        researcher(token)
                .get("/api/researcher/studies/" + id + "/progress")
                .then()
                .body("pilot", equalTo(1))
                .body("started", equalTo(1));
        researcher(token)
                .get("/api/researcher/studies/" + id + "/statistics")
                .then()
                .statusCode(200)
                .body("exclusion.participantsTotal", equalTo(1));
        List<Map<String, String>> participants =
                Csv.records(
                        researcher(token)
                                .get("/api/researcher/studies/" + id + "/exports/participants.csv")
                                .asString());
        assertEquals(
                List.of("true", "false"), participants.stream().map(p -> p.get("pilot")).toList());
        // Each consent is recorded with the version (SHA-256) of the study's own text it accepted.
        String consent = "The fixture lab runs this study.\n\nNothing but your answers is kept.";
        TestApi.participant()
                .get("/api/participant/studies/piloted")
                .then()
                .body("consent", equalTo(consent));
        assertEquals(
                List.of(Sha256.of(consent), Sha256.of(consent)),
                participants.stream().map(p -> p.get("consent_sha256")).toList());
    }

    @Test
    void withoutAConsentTextOfItsOwnAStudyShowsThePlatformsWhichSaysWhatIsStored() {
        StudyFixture fixture =
                StudyFixture.create("plainconsent", 1, StudyFixture.Design.standard());
        String yaml = fixture.yaml().replaceAll("(?m)^  consent: .*\n", "");
        int id =
                researcher(token)
                        .body(Map.of("configYaml", yaml, "stimuliDir", fixture.stimuli.toString()))
                        .post("/api/researcher/studies")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        post(id, "open").statusCode(200);
        String shown =
                TestApi.participant()
                        .get("/api/participant/studies/plainconsent")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("consent");
        assertTrue(shown.contains("worker or participant id"), shown);
        assertTrue(shown.contains("browser type, screen size"), shown);
    }

    @Test
    void aClosedStudyReopensAsTheSameVersion() {
        StudyFixture fixture = StudyFixture.create("reopened", 1, StudyFixture.Design.standard());
        long id = TestApi.importAndOpen(token, fixture);
        String first = TestApi.startAndConsent("reopened");
        post(id, "close").statusCode(200).body("state", equalTo("closed"));
        TestApi.start(Map.of("study", "reopened")).statusCode(409);
        post(id, "open").statusCode(200).body("state", equalTo("open")).body("version", equalTo(1));
        TestApi.startAndConsent("reopened");
        researcher(token)
                .get("/api/researcher/studies/" + id + "/progress")
                .then()
                .body("started", equalTo(2));
        TestApi.resume(first);
    }

    @Test
    void aCapStopsNewSessionsOnceReachedAndPilotsDoNotCount() {
        StudyFixture fixture = StudyFixture.create("capped", 1, StudyFixture.Design.standard());
        String capped =
                fixture.yaml()
                        .replace(
                                "session_timeout_minutes: 60",
                                "session_timeout_minutes: 60\n  max_participants: 2");
        int id =
                researcher(token)
                        .body(
                                Map.of(
                                        "configYaml",
                                        capped,
                                        "stimuliDir",
                                        fixture.stimuli.toString()))
                        .post("/api/researcher/studies")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        post(id, "pilot").statusCode(200);
        for (int i = 0; i < 3; i++) {
            TestApi.startAndConsent("capped");
        }
        post(id, "open").statusCode(200);
        TestApi.startAndConsent("capped");
        TestApi.startAndConsent("capped");
        TestApi.start(Map.of("study", "capped"))
                .statusCode(409)
                .body("rule", equalTo("full"))
                .body("error", containsString("has all the participants it needs"));
        researcher(token)
                .get("/api/researcher/studies/" + id + "/progress")
                .then()
                .body("started", equalTo(2))
                .body("pilot", equalTo(3));
    }

    private static io.restassured.response.ValidatableResponse post(long id, String action) {
        return researcher(token).post("/api/researcher/studies/" + id + "/" + action).then();
    }
}
