package org.eigenstudy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * The trial form as a participant meets it: distinct question letters, messages that go once the
 * question is answered, no follow-up questions after "No change", a slider that a tap sets, and at
 * 1366 x 768 the top image row and "Save and continue" on screen together.
 */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ParticipantQuestionsE2eTest {

    private static final String SLUG = "e2e-questions";

    @TestHTTPResource("/")
    URL root;

    private static boolean visible(Page page, String selector) {
        return page.locator(selector).isVisible();
    }

    /** The element lies wholly inside the viewport (no scrolling needed to see it). */
    private static void assertOnScreen(Page page, String selector, String what) {
        BoundingBox box = page.locator(selector).first().boundingBox();
        var viewport = page.viewportSize();
        assertTrue(
                box.y >= 0
                        && box.y + box.height <= viewport.height
                        && box.x + box.width <= viewport.width,
                what
                        + " is on screen: "
                        + box.x
                        + ","
                        + box.y
                        + " "
                        + box.width
                        + "x"
                        + box.height);
    }

    @Test
    void theFormAsksOnlyWhatMakesSenseAndClearsItsMessages() {
        E2eStudy study = E2eStudy.importAndOpen(SLUG);
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            Page page = browser.page;
            page.navigate(root + "study/?study=" + SLUG);
            browser.await(page.locator("#consent-check"), "the consent page");
            browser.phoneScreenshot("participant-consent");
            page.setViewportSize(390, 844);
            BoundingBox checkbox = page.locator("#consent-check").boundingBox();
            assertTrue(checkbox.width >= 20 && checkbox.height >= 20, "consent checkbox size");
            page.setViewportSize(1366, 768);
            ParticipantPages pages = new ParticipantPages(browser);
            pages.consent();
            pages.instructions();
            pages.practice();
            assertEquals(0, pages.trialOnScreen());
            pages.waitForImages();

            // every question has its own letter
            List<String> legends = page.locator("form.questions legend").allTextContents();
            Set<String> letters = new HashSet<>();
            for (String legend : legends) {
                assertTrue(letters.add(legend.substring(0, 3)), "duplicate label in " + legends);
            }
            assertEquals(6, letters.size(), legends.toString());

            // only (a) and (f) before a change is reported
            for (String followUp :
                    new String[] {"#magnitude", "#description", "#sharedCount", "#consistency"}) {
                assertTrue(!visible(page, followUp), followUp + " hidden before an answer");
            }
            assertOnScreen(page, "section.trial figure.strip img", "the top image row");
            assertOnScreen(page, "button:has-text('Save and continue')", "Save and continue");

            // "Save" with nothing answered names both questions
            page.click("button:has-text('Save and continue')");
            assertTrue(visible(page, "#changeSeen-error"));
            assertTrue(visible(page, "#difficulty-error"));
            assertEquals(
                    "Please answer every question (2 missing).",
                    page.textContent(".error-summary"));
            browser.screenshot("participant-trial-errors");
            browser.phoneScreenshot("participant-trial-errors");
            Axe.assertNoSeriousViolations(page, "a trial with validation messages");

            // "No change": its message goes, the follow-ups stay hidden
            page.check("input[name$='-seen'][value='no']");
            assertTrue(!visible(page, "#changeSeen-error"), "answered question's message goes");
            assertEquals(
                    "Please answer every question (1 missing).",
                    page.textContent(".error-summary"));
            for (String followUp :
                    new String[] {"#magnitude", "#description", "#sharedCount", "#consistency"}) {
                assertTrue(!visible(page, followUp), followUp + " not asked after No change");
            }
            page.check("input[name$='-difficulty'][value='4']");
            assertTrue(!visible(page, "#difficulty-error"));
            assertTrue(!visible(page, ".error-summary"), "no message once all is answered");

            // "Yes": the follow-ups appear; a tap on the slider without dragging sets it
            page.check("input[name$='-seen'][value='yes']");
            for (String followUp :
                    new String[] {"#magnitude", "#description", "#sharedCount", "#consistency"}) {
                assertTrue(visible(page, followUp), followUp + " asked after a change");
            }
            Locator slider = page.locator("input[type=range]");
            assertEquals("not set", slider.getAttribute("aria-valuetext"));
            slider.click();
            String set = slider.getAttribute("aria-valuetext");
            assertTrue(set.matches("\\d+ percent"), "a tap sets the slider: " + set);
            assertEquals(set.replace(" percent", " %"), page.textContent(".slider-value"));
            assertOnScreen(page, "section.trial figure.strip img", "the top image row");
            assertOnScreen(page, "button:has-text('Save and continue')", "Save and continue");
            browser.screenshot("participant-trial-change");
            browser.phoneScreenshot("participant-trial-change");
            Axe.assertNoSeriousViolations(page, "a trial with the follow-up questions");

            // back to "No change" and save: nothing of the follow-ups is stored
            page.check("input[name$='-seen'][value='no']");
            page.click("button:has-text('Save and continue')");
            assertEquals(1, pages.trialOnScreen());
            page.waitForCondition(() -> study.responses() == 1);
            assertEquals(
                    1,
                    Db.count(
                            "SELECT count(*) FROM response r"
                                    + " JOIN participant_session s ON s.id = r.session_id"
                                    + " JOIN study st ON st.id = s.study_id WHERE st.slug = ?"
                                    + " AND NOT r.change_seen AND r.magnitude IS NULL"
                                    + " AND r.shared_count IS NULL AND r.consistency IS NULL"
                                    + " AND r.description IS NULL AND r.difficulty = 4",
                            SLUG));

            pages.answerTrials(1, E2eStudy.TRIALS, E2eStudy.TRIALS);
            pages.debrief();
            assertEquals(E2eStudy.TRIALS, study.responses());
            assertEquals(List.of(), browser.consoleErrors());
        }
    }
}
