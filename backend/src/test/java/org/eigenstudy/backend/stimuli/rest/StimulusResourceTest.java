package org.eigenstudy.backend.stimuli.rest;

import static org.eigenstudy.backend.testing.TestApi.participant;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Files;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.eigenstudy.studyconfig.manifest.Sha256;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class StimulusResourceTest {

    @Test
    void stimulusImagesAreServedWithLongCacheAndStrongEtag() throws Exception {
        String token = TestApi.tokenFor("stimulus-image-researcher", "researcher");
        StudyFixture fixture = StudyFixture.create("serve", 1, StudyFixture.Design.standard());
        TestApi.importAndOpen(token, fixture);
        String path = "m1/top-01/r1-f2.png";
        String sha = Sha256.of(fixture.stimuli.resolve(path));
        Response image = participant().get("/stimuli/serve/1/" + path);
        assertEquals(200, image.statusCode());
        assertEquals("\"" + sha + "\"", image.header("ETag"));
        assertEquals("public, max-age=31536000, immutable", image.header("Cache-Control"));
        assertEquals("image/png", image.contentType());
        assertArrayEquals(Files.readAllBytes(fixture.stimuli.resolve(path)), image.asByteArray());
        participant()
                .header("If-None-Match", "\"" + sha + "\"")
                .get("/stimuli/serve/1/" + path)
                .then()
                .statusCode(304);
        participant()
                .header("If-None-Match", "\"other\", \"" + sha + "\"")
                .get("/stimuli/serve/1/" + path)
                .then()
                .statusCode(304);
        participant()
                .header("If-None-Match", "\"other\"")
                .get("/stimuli/serve/1/" + path)
                .then()
                .statusCode(200);
        participant().get("/stimuli/serve/1/m1/../../manifest.json").then().statusCode(404);
        participant().get("/stimuli/serve/2/" + path).then().statusCode(404);
        participant()
                .get("/stimuli/serve/x/" + path)
                .then()
                .statusCode(404)
                .body("rule", equalTo("not-found"));
    }
}
