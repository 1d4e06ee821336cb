package org.eigenstudy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * A refresh in the middle of a trial resumes at that trial, and an answer whose reply was lost is
 * retried with the same id: every trial is stored exactly once.
 */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ResumeAfterRefreshE2eTest {

    private static final String SLUG = "e2e-resume";

    @TestHTTPResource("/")
    URL root;

    @Test
    void refreshResumesAtTheFirstUnansweredTrialAndStoresEachAnswerOnce() {
        E2eStudy study = E2eStudy.importAndOpen(SLUG);
        int total = E2eStudy.TRIALS;
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            AtomicInteger puts = new AtomicInteger();
            // The first answer reaches the server, but its reply is lost on the way back.
            browser.page.route(
                    "**/api/participant/sessions/*/responses/*",
                    route -> {
                        if (puts.getAndIncrement() == 0) {
                            route.fetch();
                            route.abort();
                        } else {
                            route.resume();
                        }
                    });
            browser.page.navigate(
                    root + "study/?study=" + SLUG + "&participant=P-" + System.nanoTime());
            ParticipantPages pages = new ParticipantPages(browser);
            pages.consent();
            pages.instructions();
            pages.practice();
            pages.answerTrials(0, 1, total);

            assertEquals(1, pages.trialOnScreen());
            browser.page.check("input[name$='-seen'][value='yes']");
            browser.page.waitForCondition(() -> study.responses() == 1);
            browser.page.reload();

            browser.page.locator("text=Welcome back").waitFor();
            assertTrue(
                    browser.page.textContent(".page").contains("screen 2 of " + total),
                    browser.page.textContent(".page"));
            browser.screenshot("participant-welcome-back");
            browser.page.click("button:has-text('Continue')");
            assertEquals(1, pages.trialOnScreen(), "resumes at the interrupted trial");
            pages.answerTrials(1, total, total);

            assertEquals(
                    E2eStudy.COMPLETION_CODE,
                    pages.debrief().locator("#completion-code").textContent());
            browser.screenshot("participant-debrief-code");
            assertTrue(puts.get() > total, "the lost reply was retried: " + puts.get() + " PUTs");
            assertEquals(total, study.responses(), "one stored response per trial");
            assertEquals(total, study.answeredPositions(), "every trial answered");
            assertEquals(1, study.sessions(), "the refresh kept the same session");
            assertEquals(
                    List.of(),
                    browser.consoleErrors(e -> e.contains("/responses/")),
                    "no console errors besides the request the test aborted");
        }
    }
}
