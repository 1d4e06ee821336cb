package org.eigenstudy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.junit.jupiter.api.Test;

/** While a worker only previews the HIT, the task is visible, nothing can be answered or stored. */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class MturkPreviewE2eTest {

    private static final String SLUG = "e2e-preview";

    @TestHTTPResource("/")
    URL root;

    @Test
    void previewShowsTheTaskDisabledAndStoresNothing() {
        E2eStudy study = E2eStudy.importAndOpen(SLUG);
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            List<String> writes = new CopyOnWriteArrayList<>();
            browser.page.onRequest(
                    r -> {
                        if (!"GET".equals(r.method())) {
                            writes.add(r.method() + " " + r.url());
                        }
                    });
            browser.page.navigate(
                    root
                            + "study/?study="
                            + SLUG
                            + "&assignmentId=ASSIGNMENT_ID_NOT_AVAILABLE&hitId=HIT-1"
                            + "&turkSubmitTo=https://workersandbox.mturk.com");
            browser.page.locator("#preview-notice").waitFor();
            browser.page.waitForFunction(
                    "() => [...document.querySelectorAll('section.trial img')]"
                            + ".every(i => i.complete && i.naturalWidth > 0)");
            browser.screenshot("participant-mturk-preview");
            browser.narrowScreenshot("participant-mturk-preview");

            browser.phoneScreenshot("participant-mturk-preview");

            assertTrue(browser.page.textContent("#preview-notice").contains("accept the HIT"));
            assertEquals("Fixture " + SLUG + " (preview) – Eigenstudy", browser.page.title());
            assertEquals("Fixture " + SLUG, browser.page.textContent("h1"));
            String shown = browser.page.innerText(".preview");
            for (String expected :
                    new String[] {
                        "Rows of generated pictures that change step by step.",
                        "Compensation: USD 1.50 for about 10 minutes",
                        "Instructions",
                        "Look at the strips.",
                        "There are " + E2eStudy.TRIALS + " screens",
                        "Asked only if you see a change",
                        "(e) How similar are the changes"
                    }) {
                assertTrue(
                        shown.contains(expected), "the preview shows " + expected + ": " + shown);
            }
            int controls = browser.page.locator("input, textarea, button, select").count();
            assertTrue(controls > 20, "the trial's questions are shown: " + controls);
            assertEquals(
                    0,
                    browser.page.locator("input:enabled, textarea:enabled, button:enabled").count(),
                    "every input is disabled");
            assertEquals(5, browser.page.locator("section.trial figure.strip").count());

            assertEquals(List.of(), writes, "the preview sends nothing but GET requests");
            assertEquals(0, study.sessions());
            assertEquals(0, study.responses());
            assertEquals(List.of(), browser.consoleErrors());
            Axe.assertNoSeriousViolations(browser.page, "the MTurk preview");
        }
    }
}
