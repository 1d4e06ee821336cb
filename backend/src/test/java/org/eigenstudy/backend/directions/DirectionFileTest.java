package org.eigenstudy.backend.directions;

import static org.eigenstudy.backend.testing.TestApi.researcher;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.NpyFiles;
import org.eigenstudy.backend.testing.TestApi;
import org.eigenstudy.backend.testing.Uploads;
import org.eigenstudy.studyconfig.manifest.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Direction files for {@code directions.imported}, checked by geometry-core's check-directions (the
 * real CLI): a labelled CSV and a .npy are kept and listed with the path a study file names them
 * by; values that are not finite, vectors without length, rows of two sizes, text, another type, an
 * empty file and a file over the limit are refused with a JSON 4xx naming the problem and store
 * nothing; a file is not deleted under a queued job, and a deleted file is gone. A study file's
 * imported directions are resolved against them in the editor and before a job: an unknown path, an
 * upload's bare name, another latent size and too few rows are a 422 at the field, and no job
 * exists; a small study of the committed demo generator computes with the uploaded vectors, whose
 * labels reach the manifest.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class DirectionFileTest {

    private static final Path FOLDER = Path.of("target/test-data/directions");
    private static final String DEMO_CARD = "../geometry-core/models/demo/model-card.json";
    private static String token;

    @BeforeEach
    void account() {
        TestApi.requireGeometryCli("uploads are checked with its CLI");
        if (token == null) {
            token = TestApi.tokenFor("directions-researcher", "researcher");
        }
    }

    @Test
    void aLabelledCsvIsCheckedListedAndDeleted() throws IOException {
        byte[] csv = csv(64, "# my boundaries\n", "smile-upload", "age-upload", "pose-upload");
        JsonPath stored =
                upload(csv, "my boundaries.csv")
                        .statusCode(201)
                        .body("fileName", equalTo("my-boundaries.csv"))
                        .body("count", equalTo(3))
                        .body("dim", equalTo(64))
                        .body(
                                "labels",
                                equalTo(List.of("smile-upload", "age-upload", "pose-upload")))
                        .body("sha256", equalTo(Sha256.of(csv)))
                        .body("bytes", equalTo(csv.length))
                        .body("uploadedBy", equalTo("directions-researcher"))
                        .extract()
                        .jsonPath();
        int id = stored.getInt("id");
        String path = stored.getString("path");
        assertEquals(
                "../backend/target/test-data/directions/" + Sha256.of(csv) + "/my-boundaries.csv",
                path);
        assertTrue(Files.isRegularFile(Path.of("../study-config").resolve(path)));
        upload(csv, "again.csv").statusCode(200).body("id", equalTo(id));
        researcher(token)
                .get("/api/researcher/directions")
                .then()
                .statusCode(200)
                .body("id", hasItem(id));

        // Not while a job that names it is queued or running.
        Db.update(
                "INSERT INTO stimulus_job (config_yaml, study_slug, stimuli_sha256, created_by)"
                        + " VALUES (?, 'uses-it', 'x', 'test')",
                "directions: {imported: " + path + "}");
        researcher(token)
                .delete("/api/researcher/directions/" + id)
                .then()
                .statusCode(409)
                .body("rule", equalTo("in-use"))
                .body("error", containsString("my-boundaries.csv is used by stimulus job"));
        Db.update("UPDATE stimulus_job SET state = 'cancelled' WHERE study_slug = 'uses-it'");
        researcher(token).delete("/api/researcher/directions/" + id).then().statusCode(204);
        researcher(token).get("/api/researcher/directions").then().body("id", not(hasItem(id)));
        assertFalse(Files.exists(FOLDER.resolve(Sha256.of(csv))));
        researcher(token).delete("/api/researcher/directions/" + id).then().statusCode(404);
    }

    @Test
    void aNpyIsKeptWithItsNameAsLabels() {
        byte[] npy = npy(2, 64, 0.5);
        upload(npy, "interface.npy")
                .statusCode(201)
                .body("count", equalTo(2))
                .body("dim", equalTo(64))
                .body("labels", equalTo(List.of("interface-1", "interface-2")));
    }

    /**
     * A labels file names a .npy's vectors; it is kept beside the .npy, and labels are part of the
     * content: the same vectors with other labels, or none, are another file at another path.
     */
    @Test
    void aNpyWithALabelsFileIsKeptWithThoseLabels() throws IOException {
        byte[] npy = npy(2, 64, 0.25);
        String path =
                labelled(npy, "left\nright\n")
                        .statusCode(201)
                        .body("labels", equalTo(List.of("left", "right")))
                        .extract()
                        .path("path");
        String key = Path.of(path).getParent().getFileName().toString();
        assertTrue(key.length() == 64 && !key.equals(Sha256.of(npy)), key);
        assertEquals(
                "left\nright\n",
                Files.readString(FOLDER.resolve(key).resolve("labelled.labels.txt")));
        labelled(npy, "left\nright\n").statusCode(200).body("path", equalTo(path));
        labelled(npy, "up\ndown\n")
                .statusCode(201)
                .body("labels", equalTo(List.of("up", "down")))
                .body("path", not(equalTo(path)));

        long rows = Db.count("SELECT count(*) FROM direction_file");
        List<Path> before = folders();
        labelled(npy, "one\ntwo\nthree\n")
                .statusCode(422)
                .body("field", equalTo("directions"))
                .body("error", equalTo("labelled.labels.txt has 3 labels for 2 directions"));
        Uploads.files(
                        "/api/researcher/directions",
                        new Uploads.Part("directions", "mine.csv", csv(3, "", "x")),
                        new Uploads.Part("labels", "mine.labels.txt", "x\n".getBytes()))
                .header("Authorization", "Bearer " + token)
                .post()
                .then()
                .statusCode(422)
                .body("field", equalTo("labels"))
                .body("error", containsString("labels go with a .npy file"));
        assertEquals(rows, Db.count("SELECT count(*) FROM direction_file"));
        assertEquals(before, folders());
    }

    private static ValidatableResponse labelled(byte[] npy, String labels) {
        return Uploads.files(
                        "/api/researcher/directions",
                        new Uploads.Part("directions", "labelled.npy", npy),
                        new Uploads.Part(
                                "labels", "names.txt", labels.getBytes(StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token)
                .post()
                .then();
    }

    @Test
    void badFilesAreRefusedNamingTheProblemAndNothingIsStored() {
        refused(
                "a,1,2\nb,NaN,1\n",
                "bad.csv",
                422,
                "bad.csv direction 2 (b) has a value that is not a finite number");
        refused("a,1,2\nb,0,0\n", "bad.csv", 422, "bad.csv direction 2 (b) has no direction");
        refused("a,1,2\nb,1,2,3\n", "bad.csv", 422, "has 3 values; the first direction has 2");
        refused("a,1,x\n", "bad.csv", 422, "'x' is not a number");
        refused("a,1,2\n", "bad.txt", 422, "must be a .npy or .csv file");
        refused("", "empty.csv", 422, "is empty");
        refused("not a numpy file", "bad.npy", 422, "bad.npy");
        refused("a" + ",0.125".repeat(20_000) + "\n", "large.csv", 413, "larger than");
    }

    @Test
    void theEditorAndTheJobSubmitResolveImportedDirectionsToTheUploads() {
        String three =
                upload(csv(3, "", "x", "y", "z"), "three-d.csv")
                        .statusCode(201)
                        .extract()
                        .path("path");
        String two =
                upload(csv(64, "", "only-one", "only-two"), "two-rows.csv")
                        .statusCode(201)
                        .extract()
                        .path("path");
        long jobs = Db.count("SELECT count(*) FROM stimulus_job");

        invalid(
                study("wrong-size", three, 1),
                "models[0].stimuli.directions.imported",
                "three-d.csv holds vectors of 3 values, but model 'demo' has a 64-d latent space 'z'");
        invalid(
                study("too-few", two, 3),
                "models[0].stimuli.axes.imported",
                "3, but two-rows.csv holds 2 directions; set imported to at most 2");
        invalid(
                study("bare-name", "two-rows.csv", 1),
                "models[0].stimuli.directions.imported",
                "two-rows.csv is an uploaded direction file: name it by its path, " + two);
        String deleted = two.replaceFirst("/[0-9a-f]{64}/", "/" + "0".repeat(64) + "/");
        invalid(
                study("unknown", deleted, 1),
                "models[0].stimuli.directions.imported",
                "no uploaded direction file is at " + deleted);
        invalid(
                study("nowhere", "mine/nowhere.csv", 1),
                "models[0].stimuli.directions.imported",
                "directions file not found: mine/nowhere.csv");
        assertEquals(jobs, Db.count("SELECT count(*) FROM stimulus_job"));

        researcher(token)
                .body(Map.of("configYaml", study("fits", two, 2)))
                .post("/api/researcher/study-configs/check")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));
    }

    @Test
    void aStudyOfTheDemoGeneratorComputesWithTheUploadedDirections() throws Exception {
        String path =
                upload(csv(64, "", "computed-left", "computed-right"), "computed.csv")
                        .statusCode(201)
                        .extract()
                        .path("path");
        String yaml = study("imported-computed", path, 2);
        long id =
                researcher(token)
                        .body(Map.of("configYaml", yaml))
                        .post("/api/researcher/stimulus-jobs")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        JsonPath done = waitForEnd(id);
        assertEquals(
                "succeeded",
                done.getString("state"),
                done.prettify()
                        + researcher(token)
                                .get("/api/researcher/stimulus-jobs/" + id + "/log")
                                .asString());
        String manifest = manifestOf(done.getLong("bundle"));
        assertTrue(manifest.contains("\"computed-left\""), "labels reach the manifest");
        assertTrue(manifest.contains("\"computed-right\""));
        assertTrue(
                manifest.contains(Sha256.of(csv(64, "", "computed-left", "computed-right"))),
                "the manifest records the file's SHA-256");
    }

    private static String manifestOf(long bundle) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("target/test-data/bundles"))) {
            for (Path f : files.filter(f -> f.endsWith("manifest.json")).toList()) {
                String text = Files.readString(f);
                if (text.contains("computed-left")) {
                    return text;
                }
            }
        }
        throw new AssertionError("no manifest of bundle " + bundle + " names the labels");
    }

    private static JsonPath waitForEnd(long id) throws InterruptedException {
        Instant limit = Instant.now().plus(Duration.ofMinutes(4));
        while (true) {
            JsonPath job =
                    researcher(token)
                            .get("/api/researcher/stimulus-jobs/" + id)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
            String state = job.getString("state");
            if (!state.equals("queued") && !state.equals("running")
                    || Instant.now().isAfter(limit)) {
                return job;
            }
            Thread.sleep(250);
        }
    }

    /** The editor says invalid at {@code field}; a job submit is a 422 at the same field. */
    private static void invalid(String yaml, String field, String message) {
        researcher(token)
                .body(Map.of("configYaml", yaml))
                .post("/api/researcher/study-configs/check")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("problems[0].field", equalTo(field))
                .body("problems[0].error", containsString(message));
        researcher(token)
                .body(Map.of("configYaml", yaml))
                .post("/api/researcher/stimulus-jobs")
                .then()
                .statusCode(422)
                .body("field", equalTo(field))
                .body("error", containsString(message))
                .body("error", startsWith("study.yaml:"));
    }

    /**
     * A small study of the demo generator importing {@code imported} directions from {@code file}.
     */
    private static String study(String slug, String file, int imported) {
        return """
                study: {slug: %s, title: "Imported directions"}
                models:
                  - id: demo
                    card: %s
                    space: z
                    stimuli:
                      hessian: {points: 1, method: exact, distance: mse}
                      axes: {top: 1, orthogonal: 1, orthogonal_exclude_top: 2, bottom: 1, imported: %d}
                      directions: {imported: %s}
                      references: 1
                      frames: 3
                      distance: 2.0
                      image: {size: 32, format: png}
                design: {trials_per_participant: 3, catch_trials: 0}
                """
                .formatted(slug, DEMO_CARD, imported, file);
    }

    private static void refused(String content, String name, int status, String message) {
        long rows = Db.count("SELECT count(*) FROM direction_file");
        List<Path> before = folders();
        ValidatableResponse answer =
                upload(content.getBytes(StandardCharsets.UTF_8), name)
                        .statusCode(status)
                        .body("error", containsString(message));
        if (status == 422) {
            answer.body("field", equalTo("directions"));
        }
        assertEquals(rows, Db.count("SELECT count(*) FROM direction_file"));
        assertEquals(before, folders());
    }

    private static List<Path> folders() {
        if (!Files.isDirectory(FOLDER)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(FOLDER)) {
            return list.sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A CSV of one labelled row per label, each of {@code dim} values (row k: 1 at k, 0.5 at k+1).
     */
    private static byte[] csv(int dim, String header, String... labels) {
        StringBuilder text = new StringBuilder(header);
        for (int k = 0; k < labels.length; k++) {
            text.append(labels[k]);
            for (int i = 0; i < dim; i++) {
                text.append(',').append(i == k % dim ? "1" : i == (k + 1) % dim ? "0.5" : "0");
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] npy(int rows, int dim, double value) {
        return NpyFiles.float64(rows, dim, value);
    }

    private static ValidatableResponse upload(byte[] bytes, String name) {
        return Uploads.file("/api/researcher/directions", "directions", bytes, name)
                .header("Authorization", "Bearer " + token)
                .post()
                .then();
    }
}
