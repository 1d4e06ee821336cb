package org.eigenstudy.backend.researcher.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class FirstAdminTest {

    @Inject FirstAdmin firstAdmin;
    @Inject AccountService accounts;

    @Test
    void firstStartCreatedOneAdminWithAGeneratedPassword() {
        Researcher admin = accounts.find(FirstAdmin.USERNAME).orElseThrow();
        assertEquals("admin", admin.role());
        assertTrue(admin.passwordHash().startsWith("$2"), "bcrypt hash expected");
        assertTrue(
                firstAdmin.ensure().isEmpty(), "a second start must not create or print anything");
    }
}
