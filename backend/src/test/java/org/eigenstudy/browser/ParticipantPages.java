package org.eigenstudy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;

/** How a participant works through the experiment's pages, written once for every test. */
final class ParticipantPages {

    private final E2eBrowser browser;
    private final Page page;

    ParticipantPages(E2eBrowser browser) {
        this.browser = browser;
        this.page = browser.page;
    }

    /**
     * Opens {@code link} and runs the whole study of {@link E2eStudy#TRIALS} trials, up to the
     * completion page.
     */
    void completeAt(String link) {
        page.navigate(link);
        consent();
        instructions();
        practice();
        answerTrials(0, E2eStudy.TRIALS, E2eStudy.TRIALS);
    }

    void consent() {
        browser.await(page.locator("#consent-check"), "the consent page");
        browser.screenshot("participant-consent");
        Axe.assertNoSeriousViolations(page, "the consent page");
        page.check("#consent-check");
        page.click("button:has-text('I agree, start')");
    }

    /** The instruction pages (the second one is the worked example). */
    void instructions() {
        browser.await(page.locator("#jspsych-instructions-next"), "the instructions");
        browser.screenshot("participant-instructions");
        Axe.assertNoSeriousViolations(page, "the instructions");
        page.click("#jspsych-instructions-next");
        page.locator(".strip.example img").first().waitFor();
        browser.screenshot("participant-worked-example");
        Axe.assertNoSeriousViolations(page, "the worked example");
        page.click("#jspsych-instructions-next");
        page.click("#jspsych-instructions-next");
    }

    void practice() {
        Locator heading = page.locator("section.trial h2");
        heading.waitFor();
        assertTrue(heading.textContent().startsWith("Practice"), heading.textContent());
        browser.screenshot("participant-practice");
        Axe.assertNoSeriousViolations(page, "the practice trial");
        answer(Answer.forTrial(0), false);
    }

    /** The index of the trial on screen, as the page labels it. */
    int trialOnScreen() {
        Locator section = browser.await(page.locator("section.trial"), "a trial");
        return Integer.parseInt(section.getAttribute("data-trial-index"));
    }

    /**
     * Answers trials {@code from} to {@code to - 1} of {@code total}; returns the answers given.
     */
    List<Answer> answerTrials(int from, int to, int total) {
        List<Answer> given = new ArrayList<>();
        for (int i = from; i < to; i++) {
            assertEquals(i, trialOnScreen(), "trial shown");
            assertEquals(
                    "Screen " + (i + 1) + " of " + total, page.textContent("section.trial h2"));
            Answer answer = Answer.forTrial(i);
            answer(answer, i == from);
            given.add(answer);
        }
        return given;
    }

    /**
     * Fills the form with the keyboard where a participant would (slider) and submits it; with
     * {@code check}, screenshots and axe-core before and after answering.
     */
    void answer(Answer a, boolean check) {
        browser.await(page.locator("form.questions"), "the trial questions");
        waitForImages();
        if (check) {
            browser.screenshot("participant-trial");
            Axe.assertNoSeriousViolations(page, "a trial before answering");
        }
        page.check("input[name$='-seen'][value='" + (a.changeSeen() ? "yes" : "no") + "']");
        if (a.changeSeen()) {
            page.focus("input[type=range]");
            for (int k = 0; k < a.sliderSteps(); k++) {
                page.keyboard().press("ArrowRight");
            }
            page.fill("textarea", a.description());
            page.check("input[name$='-shared'][value='" + a.sharedCount() + "']");
            page.check("input[name$='-consistency'][value='" + a.consistency() + "']");
        }
        page.check("input[name$='-difficulty'][value='" + a.difficulty() + "']");
        if (check) {
            browser.screenshot("participant-trial-answered");
            browser.narrowScreenshot("participant-trial-answered");
            browser.phoneScreenshot("participant-trial-answered");
            Axe.assertNoSeriousViolations(page, "a trial after answering");
        }
        page.click("button:has-text('Save and continue')");
    }

    /** Every frame image decoded: the trial waits for its preload, so none may be broken. */
    void waitForImages() {
        page.waitForFunction(
                "() => [...document.querySelectorAll('section.trial img')]"
                        + ".every(i => i.complete && i.naturalWidth > 0)");
    }

    /** The completion page, checked with axe-core. */
    Locator debrief() {
        Locator debrief = browser.await(page.locator(".debrief"), "the debrief");
        Axe.assertNoSeriousViolations(page, "the completion page");
        return debrief;
    }
}
