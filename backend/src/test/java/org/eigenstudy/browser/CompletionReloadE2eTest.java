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
import org.junit.jupiter.api.Test;

/**
 * The completion survives a reload and a second visit of the study link from the same browser: the
 * same code, the MTurk form with the worker's own assignment id, or the Prolific redirect.
 */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class CompletionReloadE2eTest {

    private static final String SUBMIT_TO = "https://workersandbox.mturk.com";

    @TestHTTPResource("/")
    URL root;

    @Test
    void plainLinkShowsTheSameCodeAfterAReload() {
        E2eStudy study = E2eStudy.importAndOpen("e2e-reload-link");
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            new ParticipantPages(browser).completeAt(root + "study/?study=" + study.slug);
            ParticipantPages pages = new ParticipantPages(browser);
            assertEquals(
                    E2eStudy.COMPLETION_CODE,
                    pages.debrief().locator("#completion-code").textContent());
            browser.page.reload();
            assertEquals(
                    E2eStudy.COMPLETION_CODE,
                    pages.debrief().locator("#completion-code").textContent());
            browser.screenshot("participant-debrief-code-reloaded");
            browser.phoneScreenshot("participant-debrief-code-reloaded");
            assertEquals(1, study.sessions());
            assertEquals(E2eStudy.TRIALS, study.responses());
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    @Test
    void mturkShowsTheSubmitFormAgainAfterAReloadAndFromTheLink() {
        E2eStudy study = E2eStudy.importAndOpen("e2e-reload-mturk");
        String assignment = "ASSIGN-R-" + System.nanoTime();
        String link =
                root
                        + "study/?study="
                        + study.slug
                        + "&assignmentId="
                        + assignment
                        + "&hitId=HIT-R&workerId=WORKER-R-"
                        + System.nanoTime()
                        + "&turkSubmitTo="
                        + SUBMIT_TO;
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            new ParticipantPages(browser).completeAt(link);
            ParticipantPages pages = new ParticipantPages(browser);
            pages.debrief().locator("#mturk-submit").waitFor();
            browser.page.reload();
            assertSubmitForm(pages.debrief(), assignment);
            browser.screenshot("participant-debrief-mturk-reloaded");
            browser.phoneScreenshot("participant-debrief-mturk-reloaded");
            browser.page.navigate("about:blank");
            browser.page.navigate(link);
            assertSubmitForm(pages.debrief(), assignment);
            assertEquals(1, study.sessions());

            // the same worker's next assignment is not shown this completion: it is a repeat
            browser.page.navigate(link.replace(assignment, assignment + "-NEXT"));
            browser.await(browser.page.locator("text=You have already taken part"), "the refusal");
            browser.screenshot("participant-refused-repeat");
            Axe.assertNoSeriousViolations(browser.page, "the repeat refusal page");
            assertEquals(0, browser.page.locator("#mturk-submit").count());
            assertEquals(
                    List.of(),
                    browser.consoleErrors(e -> e.contains("status of 409")),
                    "no console errors besides the refused repeat");
        }
    }

    private static void assertSubmitForm(Locator debrief, String assignment) {
        Locator form = debrief.locator("#mturk-submit");
        form.waitFor();
        assertEquals(SUBMIT_TO + "/mturk/externalSubmit", form.getAttribute("action"));
        assertEquals(assignment, form.locator("input[name=assignmentId]").getAttribute("value"));
        assertEquals(
                E2eStudy.COMPLETION_CODE,
                form.locator("input[name=completionCode]").getAttribute("value"));
    }

    @Test
    void prolificRedirectsAgainWhenTheLinkIsOpenedAfterFinishing() {
        E2eStudy study = E2eStudy.importAndOpen("e2e-reload-prolific");
        String link =
                root
                        + "study/?study="
                        + study.slug
                        + "&PROLIFIC_PID=PID-R-"
                        + System.nanoTime()
                        + "&STUDY_ID=STUDY-R&SESSION_ID=SESSION-R";
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.answerProlific();
            new ParticipantPages(browser).completeAt(link);
            browser.page.waitForURL(E2eStudy.PROLIFIC_URL);
            browser.page.navigate(link);
            Locator back = new ParticipantPages(browser).debrief().locator("#prolific-link");
            assertEquals(E2eStudy.PROLIFIC_URL, back.getAttribute("href"));
            browser.screenshot("participant-debrief-prolific-again");
            browser.page.waitForURL(E2eStudy.PROLIFIC_URL);
            assertEquals(1, study.sessions());
            assertEquals(List.of(), browser.consoleErrors());
        }
    }
}
