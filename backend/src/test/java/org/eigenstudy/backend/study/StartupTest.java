package org.eigenstudy.backend.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eigenstudy.backend.researcher.FirstAdmin;
import org.eigenstudy.backend.researcher.Researcher;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class StartupTest {

    @Inject DemoStudy demoStudy;
    @Inject FirstAdmin firstAdmin;

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
    void firstStartCreatedOneAdminWithAGeneratedPassword() {
        Researcher admin =
                QuarkusTransaction.requiringNew()
                        .call(() -> Researcher.findByUsername(FirstAdmin.USERNAME).orElseThrow());
        assertEquals("admin", admin.role);
        assertTrue(admin.passwordHash.startsWith("$2"), "bcrypt hash expected");
        assertTrue(
                firstAdmin.ensure().isEmpty(), "a second start must not create or print anything");
    }
}
