package org.eigenstudy.backend.model;

import static org.eigenstudy.backend.testing.TestApi.researcher;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.TestApi;
import org.eigenstudy.backend.testing.Uploads;
import org.eigenstudy.backend.testing.Zips;
import org.eigenstudy.studyconfig.manifest.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Generators uploaded as .zip and checked by geometry-core's check-model (the real CLI, the
 * committed demo generator): a good one is listed with its card facts, a sample grid and the card
 * path a study file uses, which then validates and computes; a module that is no TorchScript, a
 * card with another latent size and an archive without a card get a 422 naming the problem and
 * store nothing.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ModelUploadTest {

    private static final Path DEMO = Path.of("../geometry-core/models/demo");
    private static final Path MODELS = Path.of("target/test-data/models");
    private static String token;

    @BeforeEach
    void account() {
        TestApi.requireGeometryCli("uploads are checked with its CLI");
        if (token == null) {
            token = TestApi.tokenFor("model-researcher", "researcher");
        }
    }

    @Test
    void theDemoGeneratorIsCheckedListedWithItsGridAndUsableInAStudyFile() throws Exception {
        byte[] zip = zipOf(demoCopy(false, 64), "demo-shapes/");
        int id =
                upload(zip, "demo.zip")
                        .statusCode(201)
                        .body("name", equalTo("demo-shapes-64"))
                        .body("architecture", equalTo("dcgan"))
                        .body("resolution", equalTo(64))
                        .body("spaces[0].dim", equalTo(64))
                        .body("cardSha256", equalTo(Sha256.of(DEMO.resolve("model-card.json"))))
                        .extract()
                        .path("id");
        upload(zip, "again.zip").statusCode(200).body("id", equalTo(id));
        String cardPath =
                researcher(token)
                        .get("/api/researcher/models")
                        .then()
                        .statusCode(200)
                        .body("id", hasItem(id))
                        .extract()
                        .path("find { it.id == " + id + " }.cardPath");
        byte[] png =
                researcher(token)
                        .get("/api/researcher/models/" + id + "/sample-grid.png")
                        .then()
                        .statusCode(200)
                        .contentType("image/png")
                        .extract()
                        .asByteArray();
        BufferedImage grid = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(6 * 96, grid.getWidth());

        // The card path names the uploaded model in a study file the server can compute.
        String yaml =
                """
                study: {slug: uploaded-model, title: "Uploaded"}
                models:
                  - id: demo
                    card: %s
                    space: z
                    stimuli:
                      hessian: {points: 1, method: exact, distance: mse}
                      axes: {top: 1, orthogonal: 1, orthogonal_exclude_top: 2, bottom: 1}
                      references: 1
                      frames: 3
                      distance: 2.0
                """
                        .formatted(cardPath);
        int job =
                researcher(token)
                        .body(Map.of("configYaml", yaml))
                        .post("/api/researcher/stimulus-jobs")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        String state = "queued";
        for (int i = 0; i < 2400 && (state.equals("queued") || state.equals("running")); i++) {
            Thread.sleep(100);
            state = researcher(token).get("/api/researcher/stimulus-jobs/" + job).path("state");
        }
        assertEquals("succeeded", state, "the uploaded generator computes stimuli");
    }

    @Test
    void theExplorerWalksCandidateDirectionsAndKeepsTheFrames() throws Exception {
        // A card of its own (another name), so this upload is new whichever test runs first.
        Path copy = demoCopy(false, 64);
        ObjectMapper json = new ObjectMapper();
        ObjectNode card = (ObjectNode) json.readTree(copy.resolve("model-card.json").toFile());
        card.put("name", "demo-shapes-64-explorer");
        json.writeValue(copy.resolve("model-card.json").toFile(), card);
        int id = upload(zipOf(copy, ""), "explore.zip").statusCode(201).extract().path("id");
        Map<String, Object> request =
                Map.of(
                        "space",
                        "z",
                        "method",
                        "sefa",
                        "count",
                        2,
                        "frames",
                        5,
                        "distance",
                        2.0,
                        "seed",
                        0);
        var first =
                researcher(token)
                        .body(request)
                        .post("/api/researcher/models/" + id + "/explorations")
                        .then()
                        .statusCode(200)
                        .body("method", equalTo("sefa"))
                        .body("steps", equalTo(List.of(-2.0f, -1.0f, 0.0f, 1.0f, 2.0f)))
                        .body("directions.size()", equalTo(2))
                        .body("directions[0].distances[2]", equalTo(0.0f))
                        .extract();
        String key = first.path("key");
        List<String> frames = first.path("directions[1].frames");
        assertEquals(5, frames.size());
        byte[] png =
                researcher(token)
                        .get(frames.get(4))
                        .then()
                        .statusCode(200)
                        .contentType("image/png")
                        .extract()
                        .asByteArray();
        assertEquals(128, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
        // The same request is served from disk: same key, same frames.
        researcher(token)
                .body(request)
                .post("/api/researcher/models/" + id + "/explorations")
                .then()
                .statusCode(200)
                .body("key", equalTo(key))
                .body("directions[1].frames", equalTo(frames));
        researcher(token)
                .body(
                        Map.of(
                                "space",
                                "z",
                                "method",
                                "sefa",
                                "count",
                                2,
                                "frames",
                                4,
                                "distance",
                                2.0,
                                "seed",
                                0))
                .post("/api/researcher/models/" + id + "/explorations")
                .then()
                .statusCode(422)
                .body("field", equalTo("frames"));
        researcher(token)
                .get(
                        "/api/researcher/models/"
                                + id
                                + "/explorations/"
                                + key
                                + "/..%2Fmodel-card.json")
                .then()
                .statusCode(404);
    }

    /**
     * A StyleGAN2 export (geometry-core's 32-px fixture): the facts record its W+ module's 8
     * layers, the explorer walks directions in chosen layers only, and layers a space cannot take
     * are a 422 naming {@code layers}.
     */
    @Test
    void theExplorerConfinesDirectionsToChosenStyleLayers() throws Exception {
        int id =
                // 200 when the browser test uploaded the same card first
                upload(Zips.styleGanExport(), "stylegan.zip")
                        .statusCode(oneOf(200, 201))
                        .body("spaces[1].name", equalTo("w"))
                        .body("spaces[1].wplusLayers", equalTo(8))
                        .body("spaces[0].wplusLayers", equalTo(null))
                        .extract()
                        .path("id");
        String explorations = "/api/researcher/models/" + id + "/explorations";
        List<Float> everywhere =
                researcher(token)
                        .body(walk("w", null))
                        .post(explorations)
                        .then()
                        .statusCode(200)
                        .body("layers", equalTo(null))
                        .extract()
                        .path("directions[0].distances");
        List<Float> twoLayers =
                researcher(token)
                        .body(walk("w", List.of(2, 4)))
                        .post(explorations)
                        .then()
                        .statusCode(200)
                        .body("layers", equalTo(List.of(2, 4)))
                        .body("directions[0].frames.size()", equalTo(3))
                        .extract()
                        .path("directions[0].distances");
        assertEquals(0f, twoLayers.get(1));
        assertTrue(
                twoLayers.get(2) < 0.99f * everywhere.get(2),
                "two of eight layers change the image less: " + twoLayers + " vs " + everywhere);
        for (var bad :
                List.of(
                        walk("z", List.of(0, 2)),
                        walk("w", List.of(6, 9)),
                        walk("w", List.of(3, 3)))) {
            researcher(token)
                    .body(bad)
                    .post(explorations)
                    .then()
                    .statusCode(422)
                    .body("field", equalTo("layers"));
        }
    }

    /** A random direction of {@code space} walked ±1 in three frames, in {@code layers}. */
    private static Map<String, Object> walk(String space, List<Integer> layers) {
        Map<String, Object> body =
                new java.util.HashMap<>(
                        Map.of(
                                "space",
                                space,
                                "method",
                                "random",
                                "count",
                                1,
                                "frames",
                                3,
                                "distance",
                                1.0,
                                "seed",
                                0));
        if (layers != null) {
            body.put("layers", layers);
        }
        return body;
    }

    @Test
    void aModuleThatIsNoTorchScriptIsRefusedAndNothingIsStored() throws Exception {
        refused(zipOf(demoCopy(true, 64), ""), "not TorchScript");
    }

    @Test
    void aCardWithAnotherLatentSizeIsRefusedAndNothingIsStored() throws Exception {
        refused(zipOf(demoCopy(false, 32), ""), "does not accept codes of dimension 32");
    }

    @Test
    void anArchiveWithoutACardIsRefused() throws Exception {
        Path dir = demoCopy(false, 64);
        Files.delete(dir.resolve("model-card.json"));
        refused(zipOf(dir, ""), "no model-card.json");
    }

    private static void refused(byte[] zip, String message) {
        long rows = Db.count("SELECT count(*) FROM generator_model");
        List<Path> before = folders();
        upload(zip, "bad.zip")
                .statusCode(422)
                .body("field", equalTo("model"))
                .body("error", containsString(message));
        assertEquals(rows, Db.count("SELECT count(*) FROM generator_model"));
        assertEquals(before, folders());
    }

    private static List<Path> folders() {
        if (!Files.isDirectory(MODELS)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(MODELS)) {
            return list.sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo generator's card and module, the module garbage or the latent size changed. */
    private static Path demoCopy(boolean garbageModule, int dim) throws Exception {
        Path dir = Files.createTempDirectory("model-upload");
        Path module = dir.resolve("generator_z.pt");
        if (garbageModule) {
            Files.writeString(module, "not a TorchScript archive");
        } else {
            Files.copy(DEMO.resolve("generator_z.pt"), module);
        }
        if (!garbageModule && dim == 64) {
            // Every file the card lists (the generator and its GANSpace features module).
            try (var files = Files.list(DEMO)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".pt")).toList()) {
                    Files.copy(
                            f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.copy(DEMO.resolve("model-card.json"), dir.resolve("model-card.json"));
            return dir;
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode card = (ObjectNode) json.readTree(DEMO.resolve("model-card.json").toFile());
        ((ObjectNode) card.path("files").path("generator_z.pt")).put("sha256", Sha256.of(module));
        ((ObjectNode) card.path("spaces").get(0)).put("dim", dim);
        json.writeValue(dir.resolve("model-card.json").toFile(), card);
        return dir;
    }

    private static byte[] zipOf(Path dir, String prefix) throws IOException {
        return Zips.of(dir, prefix, Map.of());
    }

    private static ValidatableResponse upload(byte[] zip, String name) {
        return Uploads.file("/api/researcher/models", "model", zip, name)
                .header("Authorization", "Bearer " + token)
                .post()
                .then();
    }
}
