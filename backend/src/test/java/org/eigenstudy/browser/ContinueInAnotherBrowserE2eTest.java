package org.eigenstudy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * A worker who opens their unfinished MTurk assignment or Prolific session in another browser (a
 * fresh context: no storage shared) continues their own session instead of being refused.
 */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ContinueInAnotherBrowserE2eTest {

    @TestHTTPResource("/")
    URL root;

    /** Answers the first trial in one browser, then continues in a second one. */
    private void continuesElsewhere(E2eStudy study, String link) {
        try (E2eBrowser first = E2eBrowser.laptop()) {
            first.page.navigate(link);
            ParticipantPages pages = new ParticipantPages(first);
            pages.consent();
            pages.instructions();
            pages.practice();
            pages.answerTrials(0, 1, E2eStudy.TRIALS);
            first.page.waitForCondition(() -> study.responses() == 1);
            assertEquals(List.of(), first.consoleErrors());
        }
        try (E2eBrowser second = E2eBrowser.laptop()) {
            // Prolific's completion redirect leaves the study; the test answers it itself.
            second.answerProlific();
            second.page.navigate(link);
            second.await(second.page.locator("text=Welcome back"), "the welcome back page");
            assertTrue(
                    second.page.textContent(".page").contains("screen 2 of " + E2eStudy.TRIALS),
                    second.page.textContent(".page"));
            second.screenshot("participant-continued-elsewhere");
            Axe.assertNoSeriousViolations(second.page, "the welcome back page");
            second.page.click("button:has-text('Continue')");
            ParticipantPages pages = new ParticipantPages(second);
            pages.answerTrials(1, E2eStudy.TRIALS, E2eStudy.TRIALS);
            pages.debrief();
            assertEquals(1, study.sessions(), "the second browser continued the same session");
            assertEquals(E2eStudy.TRIALS, study.responses());
            assertEquals(E2eStudy.TRIALS, study.answeredPositions());
            assertEquals(List.of(), second.consoleErrors());
        }
    }

    @Test
    void mturkAssignmentContinuesInAFreshBrowser() {
        E2eStudy study = E2eStudy.importAndOpen("e2e-elsewhere-mturk");
        continuesElsewhere(
                study,
                root
                        + "study/?study="
                        + study.slug
                        + "&assignmentId=ASSIGN-E-"
                        + System.nanoTime()
                        + "&hitId=HIT-E&workerId=WORKER-E-"
                        + System.nanoTime()
                        + "&turkSubmitTo=https://workersandbox.mturk.com");
    }

    @Test
    void prolificSessionContinuesInAFreshBrowser() {
        E2eStudy study = E2eStudy.importAndOpen("e2e-elsewhere-prolific");
        continuesElsewhere(
                study,
                root
                        + "study/?study="
                        + study.slug
                        + "&PROLIFIC_PID=PID-E-"
                        + System.nanoTime()
                        + "&STUDY_ID=STUDY-E&SESSION_ID=SESSION-E");
    }
}
