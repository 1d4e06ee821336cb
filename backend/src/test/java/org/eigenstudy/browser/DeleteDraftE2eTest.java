package org.eigenstudy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.WaitForSelectorState;
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
 * A researcher deletes a draft from the study list: only drafts offer "Delete…", the dialog says
 * what deletion does and does not touch, Cancel keeps the draft, "Delete draft" removes it (and the
 * API then answers 404), and axe-core finds nothing serious in the dialog. Screenshots of the
 * dialog at 1366×800 and 390×844 go to target/e2e-screenshots/.
 */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class DeleteDraftE2eTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void researcherDeletesADraftAfterConfirming() {
        String user = "e2e-deleter-" + System.nanoTime();
        String token = TestApi.tokenFor(user, "researcher");
        long draft =
                TestApi.importDraft(
                        token,
                        StudyFixture.create("e2e-delete-draft", 1, StudyFixture.Design.standard()));
        long open =
                TestApi.importAndOpen(
                        token,
                        StudyFixture.create("e2e-delete-open", 1, StudyFixture.Design.standard()));

        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.page.setViewportSize(1366, 800);
            browser.logIn(root, user);
            Locator draftRow = browser.page.locator("tr[data-study-id='" + draft + "']");
            browser.await(draftRow, "the draft's row");
            assertEquals(
                    0,
                    browser.page
                            .locator("tr[data-study-id='" + open + "'] button:has-text('Delete')")
                            .count(),
                    "an open study offers no deletion");

            draftRow.locator("button:has-text('Delete…')").click();
            Locator dialog = browser.await(browser.page.locator("dialog#delete-confirm"), "dialog");
            String text = dialog.innerText();
            assertTrue(text.contains("Delete the draft"), text);
            assertTrue(text.contains("no participant has seen it"), text);
            assertTrue(text.contains("stimuli folder on the server is left as it is"), text);
            Axe.assertNoSeriousViolations(browser.page, "delete draft dialog");
            browser.screenshot("researcher-delete-draft");
            browser.page.setViewportSize(390, 844);
            browser.screenshot("researcher-delete-draft-390px");
            browser.page.setViewportSize(1366, 800);

            dialog.locator("button:has-text('Cancel')").click();
            browser.page.locator("dialog#delete-confirm").waitFor(detached());
            assertEquals(1, draftRow.count(), "Cancel keeps the draft");

            draftRow.locator("button:has-text('Delete…')").click();
            browser.page.locator("dialog#delete-confirm button:has-text('Delete draft')").click();
            browser.await(
                    browser.page.locator(".status:has-text('done')"), "the deletion's status");
            browser.page.locator("tr[data-study-id='" + draft + "']").waitFor(detached());
            assertEquals(1, browser.page.locator("tr[data-study-id='" + open + "']").count());
            TestApi.researcher(token)
                    .get("/api/researcher/studies/" + draft)
                    .then()
                    .statusCode(404);
            assertEquals(
                    List.of(),
                    browser.consoleErrors(
                            e -> e.contains("401") && e.contains("/api/researcher/me")));
        }
    }

    private static Locator.WaitForOptions detached() {
        return new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED);
    }
}
