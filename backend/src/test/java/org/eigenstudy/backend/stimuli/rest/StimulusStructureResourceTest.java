package org.eigenstudy.backend.stimuli.rest;

import static io.restassured.RestAssured.given;
import static org.eigenstudy.backend.testing.TestApi.researcher;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

/** The stimulus structure the dashboard browses, checked against the fixture's manifest.json. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class StimulusStructureResourceTest {

    @Test
    void givesTheManifestsModelsAxesStripsAndFramesWithoutCodesOrVectors() throws IOException {
        String token = TestApi.tokenFor("structure-researcher", "researcher");
        StudyFixture fixture = StudyFixture.create("structure", 1, StudyFixture.Design.standard());
        long id = TestApi.importAndOpen(token, fixture);
        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(fixture.stimuli.resolve("manifest.json").toFile());
        JsonNode view =
                json.readTree(
                        researcher(token)
                                .get("/api/researcher/studies/" + id + "/stimuli")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString());

        assertEquals("/stimuli/structure/1/", view.path("imageBase").asText());
        assertEquals(manifest.path("models").size(), view.path("models").size());
        JsonNode model = view.path("models").get(0);
        JsonNode expected = manifest.path("models").get(0);
        assertEquals(expected.path("id"), model.path("id"));
        assertEquals(expected.path("space"), model.path("space"));
        assertEquals(expected.path("exploration"), model.path("exploration"));
        assertEquals(expected.path("image_distance"), model.path("imageDistance"));
        assertEquals(expected.path("steps"), model.path("steps"));
        assertEquals(expected.path("axes").size(), model.path("axes").size());
        for (int a = 0; a < model.path("axes").size(); a++) {
            JsonNode axis = model.path("axes").get(a);
            JsonNode want = expected.path("axes").get(a);
            assertEquals(want.path("id"), axis.path("id"));
            assertEquals(want.path("class"), axis.path("axisClass"));
            assertEquals(want.path("rank"), axis.path("rank"));
            assertEquals(want.path("eigenvalue").asDouble(), axis.path("eigenvalue").asDouble());
            assertFalse(axis.has("vector"), "direction vectors stay out of the view");
            for (int s = 0; s < axis.path("strips").size(); s++) {
                JsonNode strip = axis.path("strips").get(s);
                JsonNode wantStrip = want.path("strips").get(s);
                assertEquals(wantStrip.path("reference"), strip.path("reference"));
                assertEquals(wantStrip.path("frame_distances"), strip.path("frameDistances"));
                for (int f = 0; f < strip.path("frames").size(); f++) {
                    JsonNode frame = strip.path("frames").get(f);
                    assertEquals(wantStrip.path("frames").get(f).path("path"), frame.path("path"));
                    assertFalse(frame.has("sha256"));
                }
            }
        }
        assertFalse(model.has("references"), "latent codes stay out of the view");
        // Every frame URL of the view is an image the server serves.
        String url =
                view.path("imageBase").asText()
                        + model.path("axes")
                                .get(0)
                                .path("strips")
                                .get(0)
                                .path("frames")
                                .get(0)
                                .path("path")
                                .asText();
        given().get(url).then().statusCode(200).contentType("image/png");
    }

    @Test
    void refusesAManifestChangedSinceImportAndUnknownStudiesAndAnonymousCallers()
            throws IOException {
        String token = TestApi.tokenFor("structure-researcher-2", "researcher");
        StudyFixture fixture =
                StudyFixture.create("structure-b", 1, StudyFixture.Design.standard());
        long id = TestApi.importAndOpen(token, fixture);
        String path = "/api/researcher/studies/" + id + "/stimuli";
        given().get(path).then().statusCode(401);
        researcher(token)
                .get("/api/researcher/studies/999999/stimuli")
                .then()
                .statusCode(404)
                .body("rule", equalTo("not-found"));
        Path manifest = fixture.stimuli.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest) + "\n");
        researcher(token)
                .get(path)
                .then()
                .statusCode(409)
                .body("rule", equalTo("manifest-changed"));
    }
}
