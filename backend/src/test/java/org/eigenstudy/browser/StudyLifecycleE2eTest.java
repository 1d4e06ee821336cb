package org.eigenstudy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * A study's life from the dashboard: the researcher previews the draft as a participant (every
 * page, nothing stored), pilots it, a pilot participant completes it (marked pilot), opens it after
 * the confirmation, a participant completes it, closes and reopens it. axe-core on the preview's
 * pages and the dialogs; screenshots at 1366 and 390 px.
 */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class StudyLifecycleE2eTest {

    private static final String SLUG = "e2e-lifecycle";

    @TestHTTPResource("/")
    URL root;

    @Test
    void researcherPreviewsPilotsOpensClosesAndReopensAStudy() {
        String user = "e2e-lifecycle-" + System.nanoTime();
        E2eStudy study = E2eStudy.importDraft(SLUG, user);
        Locator row;
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.openStudy(root, user, study.id);
            Locator preview =
                    browser.await(
                            browser.page.locator("a:has-text('Preview as participant')"),
                            "the preview link");
            assertEquals("_blank", preview.getAttribute("target"));
            browser.page.navigate(root + preview.getAttribute("href").substring(1));
            browser.await(
                    browser.page.locator(
                            ".preview-banner:has-text('nothing you answer here is stored')"),
                    "the preview banner");
            ParticipantPages pages = new ParticipantPages(browser);
            // The study's own consent text, as two paragraphs, instead of the platform's.
            browser.await(
                    browser.page.locator(".consent p:has-text('The fixture lab runs this study.')"),
                    "the study's consent text");
            assertTrue(
                    browser.page
                                    .locator(
                                            ".consent p:has-text('Nothing but your answers is kept.')")
                                    .count()
                            == 1);
            pages.consent();
            pages.instructions();
            pages.practice();
            pages.answerTrials(0, E2eStudy.TRIALS, E2eStudy.TRIALS);
            String debrief = pages.debrief().innerText();
            assertTrue(debrief.contains("This was a preview: nothing was stored"), debrief);
            assertTrue(debrief.contains("moved along eigen-axes of a generator"), debrief);
            browser.screenshot("researcher-preview-done");
            browser.phoneScreenshot("researcher-preview-done");
            assertEquals(0, study.sessions(), "a preview stores no session");
            assertEquals(
                    0,
                    Db.count(
                            "SELECT count(*) FROM assignment a JOIN participant_session s"
                                    + " ON s.id = a.session_id JOIN study st ON st.id = s.study_id"
                                    + " WHERE st.slug = ?",
                            SLUG));

            browser.page.navigate(root + "researcher/");
            row =
                    browser.await(
                            browser.page.locator("tr[data-study-id='" + study.id + "']"),
                            "the draft");
            row.locator("button:has-text('Pilot')").click();
            browser.await(row.locator(".state-pilot"), "the pilot state");
        }

        completeAsParticipant();
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM participant_session s JOIN study st"
                                + " ON st.id = s.study_id WHERE st.slug = ? AND s.pilot",
                        SLUG));

        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.logIn(root, user);
            row =
                    browser.await(
                            browser.page.locator("tr[data-study-id='" + study.id + "']"),
                            "the pilot");
            row.locator("button:has-text('Open…')").click();
            Locator dialog =
                    ResearcherDashboardE2eTest.assertConfirmation(
                            browser,
                            "launch confirmation",
                            List.of(
                                    "to participants?",
                                    "real participants",
                                    "stay marked pilot",
                                    "cannot go back to pilot"));
            browser.screenshot("researcher-launch-confirmation");
            browser.phoneScreenshot("researcher-launch-confirmation");
            dialog.locator("button:has-text('Open study')").click();
            browser.await(row.locator(".state-open"), "the open state");
        }

        completeAsParticipant();

        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.openStudy(root, user, study.id);
            browser.await(
                    browser.page.locator("[data-count='pilot-sessions']:has-text('1')"),
                    "one pilot session");
            assertEquals("1", browser.page.locator("[data-count='completed']").innerText());
            browser.page.navigate(root + "researcher/");
            row =
                    browser.await(
                            browser.page.locator("tr[data-study-id='" + study.id + "']"),
                            "the study");
            row.locator("button:has-text('Close…')").click();
            browser.page.locator("dialog#close-confirm button:has-text('Close study')").click();
            browser.await(row.locator(".state-closed"), "the closed state");
            row.locator("button:has-text('Reopen…')").click();
            Locator dialog =
                    ResearcherDashboardE2eTest.assertConfirmation(
                            browser,
                            "reopen confirmation",
                            List.of(
                                    "Reopen",
                                    "leads to version 1 again",
                                    "responses so far stay with it"));
            browser.screenshot("researcher-reopen-confirmation");
            browser.phoneScreenshot("researcher-reopen-confirmation");
            dialog.locator("button:has-text('Reopen v1')").click();
            browser.await(row.locator(".state-open"), "the reopened state");
            assertEquals(
                    List.of(),
                    browser.consoleErrors(
                            e -> e.contains("401") && e.contains("/api/researcher/me")));
        }
    }

    /** A participant with a browser of their own takes the study by its link, to the end. */
    private void completeAsParticipant() {
        try (E2eBrowser participant = E2eBrowser.laptop()) {
            participant.page.navigate(root + "study/" + SLUG);
            ParticipantPages pages = new ParticipantPages(participant);
            pages.consent();
            pages.instructions();
            pages.practice();
            pages.answerTrials(0, E2eStudy.TRIALS, E2eStudy.TRIALS);
            assertTrue(pages.debrief().innerText().contains(E2eStudy.COMPLETION_CODE));
        }
    }
}
