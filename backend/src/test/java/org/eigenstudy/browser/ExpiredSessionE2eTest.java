package org.eigenstudy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * A participant whose session timed out comes back in the same browser: the page says at once,
 * before any trial, that the time limit passed, and offers only what the server accepts (a new
 * session on a plain link; on MTurk, without repeats, returning the HIT and no input at all).
 */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ExpiredSessionE2eTest {

    @TestHTTPResource("/")
    URL root;

    /** Moves every session of {@code slug} past its time limit, as if the participant left. */
    private static void timeOut(E2eStudy study) {
        assertEquals(
                1,
                Db.update(
                        "UPDATE participant_session SET expires_at = now() - interval '1 minute'"
                                + " WHERE study_id = ?",
                        study.id));
    }

    /** Reloads and waits for the expired page; no answer is sent on the way there. */
    private static Locator reloadToTheExpiredPage(E2eBrowser browser) {
        List<String> writes = new CopyOnWriteArrayList<>();
        browser.page.onRequest(
                r -> {
                    if (!"GET".equals(r.method())) {
                        writes.add(r.method() + " " + r.url());
                    }
                });
        browser.page.reload();
        Locator expired =
                browser.await(browser.page.locator("#session-expired"), "the expired page");
        assertTrue(
                expired.innerText().contains("The time limit for this session has passed"),
                expired.innerText());
        assertEquals(0, browser.page.locator("section.trial, form.questions").count());
        assertEquals(List.of(), writes, "nothing is sent before the participant chooses");
        Axe.assertNoSeriousViolations(browser.page, "the expired page");
        return expired;
    }

    @Test
    void plainLinkSaysTheTimeLimitPassedAndStartsANewSession() {
        E2eStudy study = E2eStudy.importAndOpen("e2e-expired-link");
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.page.navigate(root + "study/?study=" + study.slug);
            ParticipantPages pages = new ParticipantPages(browser);
            pages.consent();
            pages.instructions();
            pages.practice();
            pages.answerTrials(0, 1, E2eStudy.TRIALS);
            browser.page.waitForCondition(() -> study.responses() == 1);
            String oldToken = storedToken(browser);
            timeOut(study);

            Locator expired = reloadToTheExpiredPage(browser);
            assertTrue(expired.innerText().contains("start the study again"), expired.innerText());
            assertTrue(browser.page.title().startsWith("Time limit passed"), browser.page.title());
            browser.screenshot("participant-expired-link");
            browser.phoneScreenshot("participant-expired-link");

            browser.page.click("#start-again");
            pages.consent();
            assertEquals(2, study.sessions());
            assertNotEquals(oldToken, storedToken(browser), "the old token is dropped");
            pages.instructions();
            pages.practice();
            assertEquals(0, pages.trialOnScreen(), "the new session begins at its first trial");
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    /** The time limit passes while the page is open: the refused save leads to the same page. */
    @Test
    void timingOutDuringATrialShowsTheSamePageInsteadOfAnError() {
        E2eStudy study = E2eStudy.importAndOpen("e2e-expired-midway");
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.page.navigate(root + "study/?study=" + study.slug);
            ParticipantPages pages = new ParticipantPages(browser);
            pages.consent();
            pages.instructions();
            pages.practice();
            assertEquals(0, pages.trialOnScreen());
            timeOut(study);
            pages.answer(Answer.forTrial(0), false);
            Locator expired =
                    browser.await(browser.page.locator("#session-expired"), "the expired page");
            assertTrue(expired.innerText().contains("start the study again"), expired.innerText());
            Axe.assertNoSeriousViolations(browser.page, "the expired page after a refused save");
            assertEquals(0, study.responses());
            browser.page.click("#start-again");
            pages.consent();
            assertEquals(2, study.sessions());
            assertEquals(
                    List.of(),
                    browser.consoleErrors(e -> e.contains("status of 409")),
                    "no console errors besides the refused save");
        }
    }

    @Test
    void mturkSaysToReturnTheHitAndOffersNothingThatWouldBeRefused() {
        E2eStudy study = E2eStudy.importAndOpen("e2e-expired-mturk");
        String link =
                root
                        + "study/?study="
                        + study.slug
                        + "&assignmentId=ASSIGN-X-"
                        + System.nanoTime()
                        + "&hitId=HIT-X&workerId=WORKER-X-"
                        + System.nanoTime()
                        + "&turkSubmitTo=https://workersandbox.mturk.com";
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.page.navigate(link);
            new ParticipantPages(browser).consent();
            browser.await(browser.page.locator("#jspsych-instructions-next"), "the instructions");
            timeOut(study);

            Locator expired = reloadToTheExpiredPage(browser);
            String text = expired.innerText();
            assertTrue(text.contains("return it on Mechanical Turk"), text);
            assertTrue(text.contains("message the requester"), text);
            assertEquals(
                    0,
                    browser.page.locator("input, textarea, select, button").count(),
                    "no control: starting again would be refused as a repeat");
            browser.screenshot("participant-expired-mturk");
            browser.phoneScreenshot("participant-expired-mturk");

            // opening the HIT's link again in this browser says the same
            browser.page.navigate(link);
            browser.await(browser.page.locator("#session-expired"), "the expired page again");
            assertEquals(1, study.sessions());
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    private static String storedToken(E2eBrowser browser) {
        return String.valueOf(
                browser.page.evaluate(
                        "() => Object.keys(sessionStorage)"
                                + ".filter(k => k.startsWith('eigenstudy:session:'))"
                                + ".map(k => sessionStorage.getItem(k)).join(',')"));
    }
}
