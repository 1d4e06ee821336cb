package org.eigenstudy.backend.bundle.rest;

import static io.restassured.RestAssured.given;
import static org.eigenstudy.backend.testing.TestApi.participant;
import static org.eigenstudy.backend.testing.TestApi.researcher;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.eigenstudy.backend.testing.Uploads;
import org.eigenstudy.backend.testing.Zips;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stimulus bundles uploaded as .zip: a good one is stored once, verified, and a study imports and
 * serves from it; every bad archive gets a 4xx naming the problem and leaves no row and no folder.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class BundleUploadTest {

    private static final Path BUNDLES = Path.of("target/test-data/bundles");
    private static String token;

    @BeforeEach
    void account() {
        if (token == null) {
            token = TestApi.tokenFor("bundle-researcher", "researcher");
        }
    }

    @Test
    void aZippedStimuliFolderIsStoredOnceAndAStudyImportsAndServesFromIt() throws IOException {
        StudyFixture fixture = StudyFixture.create("bundled", 1, StudyFixture.Design.standard());
        // Zipping the folder itself gives one top folder around manifest.json.
        byte[] zip = zip(fixture.stimuli, "bundled-stimuli/", Map.of());
        int id =
                upload(zip, "bundled.zip")
                        .statusCode(201)
                        .body("study", equalTo("bundled"))
                        .body("models", equalTo(List.of("m1")))
                        .body("frames", equalTo(3 * 5 * 3))
                        .body("fileName", equalTo("bundled.zip"))
                        .body("uploadedBy", equalTo("bundle-researcher"))
                        .extract()
                        .path("id");
        upload(zip, "again.zip").statusCode(200).body("id", equalTo(id));
        researcher(token)
                .get("/api/researcher/bundles")
                .then()
                .statusCode(200)
                .body("find { it.id == " + id + " }.study", equalTo("bundled"));

        int study =
                researcher(token)
                        .body(Map.of("configYaml", fixture.yaml(), "bundle", id))
                        .post("/api/researcher/studies")
                        .then()
                        .statusCode(201)
                        .body("slug", equalTo("bundled"))
                        .extract()
                        .path("id");
        researcher(token).post("/api/researcher/studies/" + study + "/open").then().statusCode(200);
        String path = "m1/top-01/r1-f2.png";
        assertArrayEquals(
                Files.readAllBytes(fixture.stimuli.resolve(path)),
                participant().get("/stimuli/bundled/1/" + path).asByteArray());
    }

    @Test
    void anUnknownBundleOrBothStimuliSourcesAreRefused() {
        StudyFixture fixture = StudyFixture.create("nobundle", 1, StudyFixture.Design.standard());
        researcher(token)
                .body(Map.of("configYaml", fixture.yaml(), "bundle", 987654))
                .post("/api/researcher/studies")
                .then()
                .statusCode(422)
                .body("field", equalTo("bundle"))
                .body("error", containsString("no stimulus bundle 987654"));
        researcher(token)
                .body(
                        Map.of(
                                "configYaml",
                                fixture.yaml(),
                                "bundle",
                                1,
                                "stimuliDir",
                                fixture.stimuli.toString()))
                .post("/api/researcher/studies")
                .then()
                .statusCode(422)
                .body("rule", equalTo("one-of"));
    }

    @Test
    void notAZipIsRefused() {
        refused(
                "not a zip at all".getBytes(StandardCharsets.UTF_8),
                422,
                "archive",
                "not a complete .zip archive");
    }

    @Test
    void aTruncatedArchiveIsRefused() throws IOException {
        byte[] zip = zip(fixture("truncated").stimuli, "", Map.of());
        refused(Arrays.copyOf(zip, zip.length / 2), 422, "archive", "not a complete .zip archive");
    }

    @Test
    void anEntryLeavingTheFolderIsRefusedAndNothingIsWritten() throws IOException {
        String escape = "../../escaped-" + System.nanoTime() + ".png";
        byte[] zip = zip(fixture("traversal").stimuli, "", Map.of(escape, new byte[] {1, 2, 3}));
        refused(zip, 422, "path", "'" + escape + "' is not a plain relative path");
        assertFalse(Files.exists(BUNDLES.resolve(escape).normalize()));
        refused(
                zip(fixture("absolute").stimuli, "", Map.of("/etc/evil.png", new byte[] {1})),
                422,
                "path",
                "'/etc/evil.png'");
    }

    @Test
    void aFrameWhoseChecksumDiffersFromTheManifestIsRefused() throws IOException {
        StudyFixture fixture = fixture("mismatch");
        fixture.corrupt("m1/top-01/r2-f1.png");
        refused(
                zip(fixture.stimuli, "", Map.of()),
                422,
                "checksum",
                "m1/top-01/r2-f1.png: SHA-256 differs from the manifest");
    }

    @Test
    void aMissingFrameOrManifestIsRefused() throws IOException {
        StudyFixture fixture = fixture("missing");
        Files.delete(fixture.stimuli.resolve("m1/bottom-01/r0-f0.png"));
        refused(
                zip(fixture.stimuli, "", Map.of()),
                422,
                "missing-file",
                "m1/bottom-01/r0-f0.png: file is missing");
        Files.delete(fixture.stimuli.resolve("manifest.json"));
        refused(zip(fixture.stimuli, "", Map.of()), 422, "missing-file", "no manifest.json");
    }

    @Test
    void aZipBombIsRefusedBeforeItInflates() throws IOException {
        // 64 MiB of zeros deflate to some 64 KiB: a thousand times, where images stay near one.
        byte[] zip = zip(fixture("bomb").stimuli, "", Map.of("m1/bomb.png", new byte[64 << 20]));
        refused(zip, 422, "size", "inflates more than 200 times its compressed size");
    }

    @Test
    void anUploadOverTheLimitIsRefusedWithJsonBeforeItIsRead() {
        // The test profile's upload limit is 4 MiB (application.properties).
        refused(new byte[5 << 20], 413, "size", "request body larger than 4194304 bytes");
    }

    @Test
    void uploadsNeedAResearcherAFileFieldAndALength() {
        upload("bundle", new byte[] {1}, "b.zip").post().then().statusCode(401);
        upload("other", new byte[] {1}, "b.zip")
                .header("Authorization", "Bearer " + token)
                .post()
                .then()
                .statusCode(422)
                .body("field", equalTo("bundle"))
                .body("rule", equalTo("required"));
        // RestAssured's multipart is sent chunked, without a length.
        given().header("Authorization", "Bearer " + token)
                .multiPart("bundle", "b.zip", new byte[] {1}, "application/zip")
                .post("/api/researcher/bundles")
                .then()
                .statusCode(411)
                .body("rule", equalTo("length-required"));
    }

    private static StudyFixture fixture(String slug) {
        return StudyFixture.create(slug, 1, StudyFixture.Design.standard());
    }

    /** A multipart upload with its Content-Length (Uploads), as browsers and curl send it. */
    private static ValidatableResponse upload(byte[] zip, String name) {
        return upload("bundle", zip, name).header("Authorization", "Bearer " + token).post().then();
    }

    private static RequestSpecification upload(String field, byte[] zip, String name) {
        return Uploads.file("/api/researcher/bundles", field, zip, name);
    }

    /** A refused upload: the status, rule and message, and no row and no folder left behind. */
    private static void refused(byte[] zip, int status, String rule, String message) {
        long rows = Db.count("SELECT count(*) FROM stimulus_bundle");
        List<Path> before = folders();
        upload(zip, "bad.zip")
                .statusCode(status)
                .body("rule", equalTo(rule))
                .body("error", containsString(message));
        assertEquals(rows, Db.count("SELECT count(*) FROM stimulus_bundle"));
        assertEquals(before, folders());
    }

    private static List<Path> folders() {
        if (!Files.isDirectory(BUNDLES)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(BUNDLES)) {
            return list.sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] zip(Path folder, String prefix, Map<String, byte[]> extra)
            throws IOException {
        return Zips.of(folder, prefix, extra);
    }
}
