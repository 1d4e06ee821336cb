package org.eigenstudy.backend.study.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class DemoStudyTest {

    @Inject DemoStudy demoStudy;

    @Test
    void demoStudyIsImportedAndOpenedOnceAcrossRestarts() {
        StudyFixture fixture =
                StudyFixture.create("demo-startup", 1, StudyFixture.Design.standard());
        java.nio.file.Path manifest = fixture.stimuli.resolve("manifest.json");
        Optional<StudyView> first = demoStudy.ensureOpen(fixture.config, manifest);
        Optional<StudyView> second = demoStudy.ensureOpen(fixture.config, manifest);
        assertEquals("open", first.orElseThrow().state());
        assertEquals(first.get().id(), second.orElseThrow().id());
        assertEquals("/study/demo-startup", second.get().participantUrl());
        assertEquals(
                1,
                org.eigenstudy.backend.testing.Db.count(
                        "SELECT count(*) FROM study WHERE slug = ?", "demo-startup"));
        TestApi.participant().get("/api/participant/studies/demo-startup").then().statusCode(200);
        assertTrue(
                demoStudy
                        .ensureOpen(fixture.config, fixture.dir.resolve("missing/manifest.json"))
                        .isEmpty());
    }

    @Test
    void aManifestUnderAnotherNameIsRefusedNotSwappedForManifestJson() throws Exception {
        StudyFixture fixture =
                StudyFixture.create("demo-renamed", 1, StudyFixture.Design.standard());
        java.nio.file.Path renamed = fixture.stimuli.resolve("demo-manifest.json");
        java.nio.file.Files.copy(fixture.stimuli.resolve("manifest.json"), renamed);
        assertTrue(demoStudy.ensureOpen(fixture.config, renamed).isEmpty());
        assertEquals(
                0,
                org.eigenstudy.backend.testing.Db.count(
                        "SELECT count(*) FROM study WHERE slug = ?", "demo-renamed"));
    }

    @Test
    void frameDistancesAreStoredAsNumbers() {
        StudyFixture fixture =
                StudyFixture.create("demo-distances", 1, StudyFixture.Design.standard());
        demoStudy
                .ensureOpen(fixture.config, fixture.stimuli.resolve("manifest.json"))
                .orElseThrow();
        assertEquals(
                0,
                org.eigenstudy.backend.testing.Db.count(
                        // The fixture's manifest gives each frame the distance |step|.
                        "SELECT count(*) FROM frame f JOIN strip x ON x.id = f.strip_id"
                                + " JOIN study s ON s.id = f.study_id WHERE s.slug = ?"
                                + " AND x.frame_distances[f.position + 1]"
                                + " IS DISTINCT FROM abs(f.step)",
                        "demo-distances"));
    }
}
