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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * A network drop is never a dead end: the session start, a trial's images and the last save fail
 * while the browser is offline (or the request is cut), the page says so and offers "Try again",
 * and continues by itself when the connection returns, with every answer stored exactly once.
 */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class NetworkDropE2eTest {

    private static final String SLUG = "e2e-offline";

    @TestHTTPResource("/")
    URL root;

    /** Chromium logs every request that failed while offline or was cut by the test. */
    private static boolean causedByTheTest(String error) {
        return error.contains("ERR_INTERNET_DISCONNECTED")
                || error.contains("ERR_FAILED")
                || error.contains("Failed to load resource");
    }

    @Test
    void theStudyContinuesWhenTheConnectionReturnsAndNoAnswerIsLostOrDoubled() {
        E2eStudy study = E2eStudy.importAndOpen(SLUG);
        int total = E2eStudy.TRIALS;
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            var page = browser.page;
            // Session starts are cut before they reach the server until the "network" returns.
            AtomicInteger starts = new AtomicInteger();
            AtomicBoolean back = new AtomicBoolean();
            page.route(
                    "**/api/participant/sessions",
                    route -> {
                        starts.incrementAndGet();
                        if (back.get()) {
                            route.resume();
                        } else {
                            route.abort();
                        }
                    });
            page.navigate(root + "study/?study=" + SLUG + "&participant=P-" + System.nanoTime());
            Locator problem = page.locator("#connection-problem");
            browser.await(problem, "the connection problem notice");
            assertTrue(
                    problem.innerText().contains("The study could not be loaded"),
                    problem.innerText());
            browser.screenshot("participant-offline-start");
            browser.phoneScreenshot("participant-offline-start");
            Axe.assertNoSeriousViolations(page, "the connection problem notice");
            page.waitForCondition(() -> starts.get() >= 2);
            back.set(true);
            // "Try again" (unless the page's own retry got there first)
            page.evaluate("() => document.getElementById('try-again')?.click()");

            ParticipantPages pages = new ParticipantPages(browser);
            pages.consent();
            pages.instructions();
            pages.practice();

            // Offline while the first answer is saved and the next trial's images load.
            Answer first = Answer.forTrial(0);
            assertEquals(0, pages.trialOnScreen());
            browser.setOffline(true);
            pages.answer(first, false);
            browser.await(problem, "the images notice");
            assertTrue(
                    problem.innerText().contains("The images could not be loaded"),
                    problem.innerText());
            assertTrue(problem.innerText().contains("Your answers so far are kept"));
            Locator banner = page.locator("#save-status");
            browser.await(banner.locator("text=1 answer waiting"), "the waiting answer banner");
            browser.screenshot("participant-offline-images");
            browser.phoneScreenshot("participant-offline-images");
            Axe.assertNoSeriousViolations(page, "the offline images notice");
            assertEquals(0, study.responses());

            browser.setOffline(false);
            assertEquals(1, pages.trialOnScreen(), "the next trial once the images are there");
            pages.waitForImages();
            page.waitForCondition(() -> study.responses() == 1);
            // The row is committed a moment before the reply reaches the page, so wait for the page
            // to
            // take the answer out of its queue (fails after the default timeout if it never does).
            banner.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
            assertTrue(banner.isHidden(), "the banner goes once the answer is stored");

            pages.answerTrials(1, total - 1, total);

            // Offline during the last save: the saving page waits, then finishes by itself.
            assertEquals(total - 1, pages.trialOnScreen());
            browser.setOffline(true);
            pages.answer(Answer.forTrial(total - 1), false);
            browser.await(page.locator("text=Waiting for the connection"), "the saving page");
            browser.await(banner.locator("text=1 answer waiting"), "the waiting answer banner");
            browser.screenshot("participant-saving-offline");
            browser.phoneScreenshot("participant-saving-offline");
            Axe.assertNoSeriousViolations(page, "the saving page while offline");
            browser.setOffline(false);

            assertEquals(
                    E2eStudy.COMPLETION_CODE,
                    pages.debrief().locator("#completion-code").textContent());
            assertEquals(1, study.sessions());
            assertEquals(total, study.responses(), "every answer stored once");
            assertEquals(total, study.answeredPositions());
            for (int i = 0; i < total; i++) {
                Answer a = Answer.forTrial(i);
                assertEquals(
                        1,
                        Db.count(
                                "SELECT count(*) FROM response r"
                                        + " JOIN assignment a ON a.id = r.assignment_id"
                                        + " JOIN participant_session s ON s.id = r.session_id"
                                        + " JOIN study st ON st.id = s.study_id"
                                        + " WHERE st.slug = ? AND a.position = ?"
                                        + " AND r.change_seen = ? AND r.difficulty = ?",
                                SLUG,
                                i,
                                a.changeSeen(),
                                a.difficulty()),
                        "trial " + i + " stored as answered");
            }
            assertEquals(List.of(), browser.consoleErrors(NetworkDropE2eTest::causedByTheTest));
        }
    }
}
