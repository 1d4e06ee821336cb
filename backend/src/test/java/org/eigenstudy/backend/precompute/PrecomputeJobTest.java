package org.eigenstudy.backend.precompute;

import static org.eigenstudy.backend.testing.TestApi.researcher;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eigenstudy.backend.precompute.service.PrecomputeWorker;
import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.TestApi;
import org.eigenstudy.studyconfig.manifest.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Compute stimuli" on this server with the real geometry-core CLI and the committed demo
 * generator: a job runs to a verified bundle a study imports from; bad study files are refused
 * before a job exists; a generator that is no TorchScript or has another latent size fails the job
 * with the CLI's message; a job can be cancelled; a job left running by a stop is resumed.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class PrecomputeJobTest {

    private static final Path DEMO = Path.of("../geometry-core/models/demo").toAbsolutePath();
    private static final Duration JOB_LIMIT = Duration.ofMinutes(4);
    private static String token;

    @BeforeEach
    void account() {
        TestApi.requireGeometryCli("the jobs run its CLI");
        if (token == null) {
            token = TestApi.tokenFor("precompute-researcher", "researcher");
        }
    }

    /** A small study of the demo generator: one Hessian point, one axis per class. */
    private static String study(String slug, String card) {
        return study(slug, card, 1, 1, 3);
    }

    private static String study(String slug, String card, int points, int axes, int frames) {
        return """
                study: {slug: %s, title: "Computed here"}
                models:
                  - id: demo
                    card: %s
                    space: z
                    stimuli:
                      hessian: {points: %d, method: exact, distance: mse}
                      axes: {top: %d, orthogonal: %d, orthogonal_exclude_top: %d, bottom: %d}
                      references: 1
                      frames: %d
                      distance: 2.0
                      image: {size: 32, format: png}
                design: {trials_per_participant: 3, catch_trials: 0}
                """
                .formatted(slug, card, points, axes, axes, axes, axes, frames);
    }

    @Test
    void aJobComputesAVerifiedBundleThatAStudyImportsFrom() {
        String yaml = study("computed", "../geometry-core/models/demo/model-card.json");
        JsonPath submitted = submit(yaml, 201);
        long id = submitted.getLong("id");
        assertEquals("computed", submitted.getString("study"));
        JsonPath done = waitFor(id, "succeeded");
        assertEquals(done.getLong("progress.total"), done.getLong("progress.done"));
        long bundle = done.getLong("bundle");
        String fingerprint =
                researcher(token)
                        .body(Map.of("configYaml", yaml))
                        .post("/api/researcher/study-configs/check")
                        .then()
                        .body("fittingBundles", org.hamcrest.Matchers.hasItem((int) bundle))
                        .extract()
                        .path("stimuliFingerprint");
        assertEquals(fingerprint, submitted.getString("stimuliSha256"));
        researcher(token)
                .get("/api/researcher/stimulus-jobs/" + id + "/log")
                .then()
                .statusCode(200)
                .body(containsString("stimuli written to"));
        researcher(token)
                .body(Map.of("configYaml", yaml, "bundle", bundle))
                .post("/api/researcher/studies")
                .then()
                .statusCode(201)
                .body("slug", equalTo("computed"));
    }

    @Test
    void studyFilesThatCannotRunAreRefusedBeforeAJobExists() {
        long jobs = Db.count("SELECT count(*) FROM stimulus_job");
        researcher(token)
                .body(Map.of("configYaml", study("nocard", "no/such/card.json")))
                .post("/api/researcher/stimulus-jobs")
                .then()
                .statusCode(422)
                .body("field", equalTo("models[0].card"))
                .body("error", containsString("model card not found"));
        researcher(token)
                .body(Map.of("configYaml", "study: {slug: x}\n"))
                .post("/api/researcher/stimulus-jobs")
                .then()
                .statusCode(422)
                .body("error", containsString("study.yaml:"));
        assertEquals(jobs, Db.count("SELECT count(*) FROM stimulus_job"));
    }

    @Test
    void aGeneratorThatIsNoTorchScriptOrHasAnotherLatentSizeFailsTheJobWithTheCliMessage()
            throws Exception {
        Path notTorchScript = brokenDemo("not-torchscript", card -> {}, true);
        JsonPath failed =
                waitFor(
                        submit(study("bad-module", card(notTorchScript)), 201).getLong("id"),
                        "failed");
        assertTrue(failed.getString("failure").startsWith("error:"), failed.getString("failure"));
        assertTrue(failed.getString("failure").contains("(exit "), failed.getString("failure"));

        Path wrongSize =
                brokenDemo(
                        "wrong-latent-size",
                        card -> ((ObjectNode) card.path("spaces").get(0)).put("dim", 32),
                        false);
        JsonPath wrong =
                waitFor(submit(study("bad-size", card(wrongSize)), 201).getLong("id"), "failed");
        assertTrue(wrong.getString("failure").startsWith("error:"), wrong.getString("failure"));
    }

    @Test
    void aRunningJobIsCancelledItsProcessEndsAndItLeavesNoBundle() throws Exception {
        // Many Hessian points, axes and frames: minutes of work, so it is still running when
        // cancelled.
        String yaml =
                study("cancelled", "../geometry-core/models/demo/model-card.json", 64, 16, 31);
        long id = submit(yaml, 201).getLong("id");
        waitFor(id, "running");
        String folder = "jobs/" + id + "/study.yaml";
        Instant limit = Instant.now().plus(JOB_LIMIT);
        while (cliProcesses(folder) == 0 && Instant.now().isBefore(limit)) {
            Thread.sleep(100);
        }
        assertEquals(1, cliProcesses(folder), "the job's CLI runs");
        researcher(token)
                .post("/api/researcher/stimulus-jobs/" + id + "/cancel")
                .then()
                .statusCode(200)
                .body("state", equalTo("cancelled"));
        researcher(token)
                .post("/api/researcher/stimulus-jobs/" + id + "/cancel")
                .then()
                .statusCode(409)
                .body("rule", equalTo("state"));
        Instant ended = Instant.now().plusSeconds(30);
        while (cliProcesses(folder) > 0 && Instant.now().isBefore(ended)) {
            Thread.sleep(100);
        }
        assertEquals(0, cliProcesses(folder), "cancelling ends the job's process");
        JsonPath after = get(id);
        assertEquals("cancelled", after.getString("state"));
        assertNull(after.get("bundle"));
    }

    /** The processes of this machine whose command line names the job's study file. */
    private static long cliProcesses(String jobFile) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(jobFile))
                .count();
    }

    @Test
    void aJobLeftRunningByAStopIsResumedAtTheNextStart() {
        String yaml = study("resumed", "../geometry-core/models/demo/model-card.json");
        long id = submit(yaml, 201).getLong("id");
        waitFor(id, "succeeded");
        // As if the server had stopped while the job ran: the row says running, no process runs.
        Db.update(
                "UPDATE stimulus_job SET state = 'running', bundle_id = NULL, finished_at = NULL"
                        + " WHERE id = ?",
                id);
        Arc.container().instance(PrecomputeWorker.class).get().resume();
        assertNotNull(waitFor(id, "succeeded").get("bundle"));
    }

    /** A copy of the demo generator's card and module with one thing broken. */
    private static Path brokenDemo(
            String name, java.util.function.Consumer<ObjectNode> edit, boolean garbageModule)
            throws Exception {
        Path dir = Files.createTempDirectory("demo-" + name);
        Path module = dir.resolve("generator_z.pt");
        if (garbageModule) {
            Files.writeString(module, "this is not a TorchScript archive");
        } else {
            Files.copy(DEMO.resolve("generator_z.pt"), module);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode card = (ObjectNode) json.readTree(DEMO.resolve("model-card.json").toFile());
        ((ObjectNode) card.path("files").path("generator_z.pt")).put("sha256", Sha256.of(module));
        edit.accept(card);
        json.writeValue(dir.resolve("model-card.json").toFile(), card);
        return dir;
    }

    private static String card(Path dir) {
        return dir.resolve("model-card.json").toString();
    }

    private static JsonPath submit(String yaml, int status) {
        return researcher(token)
                .body(Map.of("configYaml", yaml))
                .post("/api/researcher/stimulus-jobs")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    private static JsonPath get(long id) {
        return researcher(token)
                .get("/api/researcher/stimulus-jobs/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath waitFor(long id, String state) {
        Instant limit = Instant.now().plus(JOB_LIMIT);
        while (true) {
            JsonPath job = get(id);
            if (job.getString("state").equals(state)) {
                return job;
            }
            if (Instant.now().isAfter(limit) || finishedOtherwise(job, state)) {
                throw new AssertionError(
                        "job "
                                + id
                                + " is "
                                + job.getString("state")
                                + ", not "
                                + state
                                + ": "
                                + job.prettify()
                                + "\nlog:\n"
                                + researcher(token)
                                        .get("/api/researcher/stimulus-jobs/" + id + "/log")
                                        .asString());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static boolean finishedOtherwise(JsonPath job, String wanted) {
        String state = job.getString("state");
        return !state.equals(wanted)
                && (state.equals("succeeded")
                        || state.equals("failed")
                        || state.equals("cancelled"));
    }
}
