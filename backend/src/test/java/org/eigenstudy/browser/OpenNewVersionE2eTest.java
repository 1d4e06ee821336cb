package org.eigenstudy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

/**
 * Opening a new version of a study closes the open one (StudyService.open), so "Open…" asks first,
 * in the same dialog as "Close…", naming the version that closes; Cancel changes nothing.
 */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class OpenNewVersionE2eTest {

    private static final String SLUG = "e2e-new-version";

    @TestHTTPResource("/")
    URL root;

    @Test
    void openingANewVersionSaysWhichVersionClosesAndClosesItOnlyWhenConfirmed() {
        String user = "e2e-versions-" + System.nanoTime();
        String token = TestApi.tokenFor(user, "researcher");
        long first =
                TestApi.importAndOpen(
                        token, StudyFixture.create(SLUG, 2, StudyFixture.Design.standard(), 1));
        StudyFixture v2 = StudyFixture.create(SLUG, 2, StudyFixture.Design.standard(), 2);
        long second = TestApi.importDraft(token, v2);
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            logIn(browser, user);
            Locator v1Row = browser.page.locator("tr[data-study-id='" + first + "']");
            Locator v2Row = browser.page.locator("tr[data-study-id='" + second + "']");
            v2Row.waitFor();

            v2Row.locator("button:has-text('Open')").click();
            ResearcherDashboardE2eTest.assertConfirmation(
                    browser,
                    "open confirmation",
                    List.of(
                            "(" + SLUG + " v2) and close v1?",
                            "Version 1 of " + SLUG + ", open now, will be closed",
                            "the participant link then leads to version 2",
                            "nobody can start version 1 unless it is reopened",
                            "already started version 1 can still finish it",
                            "Every response to version 1 is kept",
                            "can be reopened later"));
            browser.screenshot("researcher-open-confirmation");
            browser.phoneScreenshot("researcher-open-confirmation");
            browser.page.keyboard().press("Escape");
            assertEquals(0, browser.page.locator("dialog[open]").count());
            assertEquals("open", v1Row.locator(".state").textContent());
            assertEquals("draft", v2Row.locator(".state").textContent());

            v2Row.locator("button:has-text('Open')").click();
            browser.page.locator("dialog[open] button:has-text('Open v2, close v1')").click();
            browser.page.waitForCondition(
                    () -> "open".equals(v2Row.locator(".state").textContent()));
            assertEquals("closed", v1Row.locator(".state").textContent());
            Axe.assertNoSeriousViolations(browser.page, "study list after opening v2");
            assertEquals(
                    List.of(),
                    browser.consoleErrors(e -> e.contains("status of 401")),
                    "no console errors besides the login probe");
        }
    }

    private void logIn(E2eBrowser browser, String user) {
        browser.logIn(root, user);
    }

    /** A version with no other open version of its slug opens at once: nothing else changes. */
    @Test
    void openingTheOnlyVersionAsksNothing() {
        String slug = "e2e-first-version";
        String user = "e2e-first-" + System.nanoTime();
        String token = TestApi.tokenFor(user, "researcher");
        StudyFixture v1 = StudyFixture.create(slug, 2, StudyFixture.Design.standard(), 1);
        long id = TestApi.importDraft(token, v1);
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            logIn(browser, user);
            Locator row = browser.page.locator("tr[data-study-id='" + id + "']");
            // A draft's row also offers "Delete…"; its open action is the first button.
            Locator open = row.locator("button").first();
            open.waitFor();
            assertEquals("Open", open.textContent());
            open.click();
            browser.page.waitForCondition(() -> "open".equals(row.locator(".state").textContent()));
            assertEquals(0, browser.page.locator("dialog").count());
        }
    }
}
