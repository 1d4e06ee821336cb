package org.eigenstudy.backend.geometry.rest;

import static io.restassured.RestAssured.given;
import static org.eigenstudy.backend.testing.TestApi.researcher;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.eigenstudy.studyconfig.manifest.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class GeometryResourceTest {

    static String token;
    static long studyId;
    static Path sheets;
    static String base;

    @BeforeEach
    void setUp() throws IOException {
        if (token != null) {
            return;
        }
        token = TestApi.tokenFor("geometry-researcher", "researcher");
        StudyFixture fixture = StudyFixture.create("geometry", 1, StudyFixture.Design.standard());
        studyId = TestApi.importAndOpen(token, fixture);
        base = "/api/researcher/studies/" + studyId + "/geometry";
        // What geometry-core writes next to the manifest; the homogeneity plot is left out on
        // purpose (a one-point Hessian average has none).
        sheets = Files.createDirectories(fixture.stimuli.resolve("sheets"));
        png(sheets.resolve("m1.png"), 40);
        png(sheets.resolve("m1-spectrum.png"), 30);
        Files.writeString(
                sheets.resolve("m1-geometry.json"),
                """
                {"schema": "eigenstudy-model-geometry/1", "model": "m1", "points": 8,
                 "spectrum": {"mean": [0.5, 0.25], "p05": [0.4, 0.2], "p95": [0.6, 0.3]},
                 "anisotropy_thresholds": [0.99, 0.999, 0.9999, 0.99999],
                 "anisotropy_dims_mean_spectrum": [1, 2, 2, 2],
                 "anisotropy_dims_average_hessian": [1, 1, 2, 2],
                 "homogeneity": {
                   "linear": {"mean": null, "std": null, "pairs": 0, "nan_pairs": 56},
                   "log": {"mean": 0.94, "std": 0.017, "pairs": 56, "nan_pairs": 0}}}
                """);
        Files.writeString(fixture.stimuli.resolve("secret.png"), "not a sheet");
    }

    private static void png(Path file, int size) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xff8800);
        ImageIO.write(image, "png", file.toFile());
    }

    @Test
    void listsEveryModelWithItsSheetUrlsAndSummary() {
        researcher(token)
                .get(base)
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].model", equalTo("m1"))
                .body("[0].label", equalTo("Fixture model"))
                .body("[0].contactSheet", equalTo(base + "/sheets/m1.png"))
                .body("[0].spectrumPlot", equalTo(base + "/sheets/m1-spectrum.png"))
                .body("[0].homogeneityPlot", nullValue())
                .body("[0].summary.points", equalTo(8))
                .body("[0].summary.spectrum.p95[1]", equalTo(0.3f))
                .body("[0].summary.homogeneity.log.mean", equalTo(0.94f))
                .body("[0].summary.homogeneity.log.nan_pairs", equalTo(0))
                // An undefined C^H (NaN in geometry-core) stays null in the JSON.
                .body("[0].summary.homogeneity.linear.mean", nullValue())
                .body("[0].summary.anisotropy_dims_average_hessian[0]", equalTo(1));
    }

    @Test
    void servesTheSheetBytesWithAnEtagAndPrivateCaching() throws IOException {
        Path file = sheets.resolve("m1-spectrum.png");
        String sha = Sha256.of(file);
        byte[] body =
                researcher(token)
                        .get(base + "/sheets/m1-spectrum.png")
                        .then()
                        .statusCode(200)
                        .contentType("image/png")
                        .header("ETag", "\"" + sha + "\"")
                        .header("Cache-Control", GeometryResource.CACHE)
                        .extract()
                        .asByteArray();
        assertArrayEquals(Files.readAllBytes(file), body);
        researcher(token)
                .header("If-None-Match", "\"" + sha + "\"")
                .get(base + "/sheets/m1-spectrum.png")
                .then()
                .statusCode(304);
    }

    @Test
    void onlyTheStudysOwnExistingSheetFilesAreServed() {
        for (String name :
                new String[] {
                    "m1-homogeneity.png", // a sheet name, but not on disk
                    "m1-geometry.json", // on disk, but the summary is served inline only
                    "m2.png", // no such model in this study
                    "..%2Fsecret.png", // outside sheets/
                    "..%2Fmanifest.json"
                }) {
            researcher(token)
                    .urlEncodingEnabled(false)
                    .get(base + "/sheets/" + name)
                    .then()
                    .statusCode(404);
        }
        researcher(token)
                .get("/api/researcher/studies/999999/geometry")
                .then()
                .statusCode(404)
                .body("rule", equalTo("not-found"));
    }

    @Test
    void refusesCallersWithoutAResearcherLogin() {
        String participantToken = TestApi.startAndConsent("geometry");
        for (String path : new String[] {base, base + "/sheets/m1.png"}) {
            given().get(path).then().statusCode(401).body("rule", equalTo("authentication"));
            given().header("Authorization", "Bearer " + participantToken)
                    .get(path)
                    .then()
                    .statusCode(401);
            given().header("Authorization", "Bearer est_forged").get(path).then().statusCode(401);
        }
    }
}
