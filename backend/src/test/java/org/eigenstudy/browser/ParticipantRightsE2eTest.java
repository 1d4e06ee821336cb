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
import java.util.Map;
import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

/**
 * Participants' rights in the browser: the consent page renders the study's Markdown and runs none
 * of its HTML; the completion page shows a withdrawal code and withdraws after a confirmation; the
 * code works later at /study/?withdraw; a researcher sees the participants table (ids masked until
 * shown), excludes a session with a reason and deletes a participant's data after a confirmation,
 * which the deletion log then lists. axe-core; screenshots at 1366 and 390 px.
 */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ParticipantRightsE2eTest {

    private static final String CONSENT =
            "**The fixture lab** runs this study; see [our page](https://example.org/lab)."
                    + "\\n\\n<script>window.pwned = 1</script>";

    @TestHTTPResource("/")
    URL root;

    @Test
    void aParticipantReadsTheStudysMarkdownAndWithdrawsNowOrLater() {
        String slug = "e2e-withdrawal";
        StudyFixture fixture =
                StudyFixture.create(
                        slug,
                        2,
                        new StudyFixture.Design(E2eStudy.TRIALS, 0, false, 60, "E2E-W", null));
        String owner = TestApi.tokenFor("e2e-rights-owner", "researcher");
        int id =
                TestApi.researcher(owner)
                        .body(
                                Map.of(
                                        "configYaml",
                                        fixture.yaml()
                                                .replaceFirst(
                                                        "consent: \".*\"",
                                                        java.util.regex.Matcher.quoteReplacement(
                                                                "consent: \"" + CONSENT + "\"")),
                                        "stimuliDir",
                                        fixture.stimuli.toString()))
                        .post("/api/researcher/studies")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        TestApi.researcher(owner)
                .post("/api/researcher/studies/" + id + "/open")
                .then()
                .statusCode(200);
        String link = root + "study/?study=" + slug;

        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.page.navigate(link);
            Locator consent =
                    browser.await(browser.page.locator(".consent .study-text"), "consent");
            assertEquals("The fixture lab", consent.locator("strong").textContent());
            assertEquals(
                    "_blank",
                    consent.locator("a[href='https://example.org/lab']").getAttribute("target"));
            assertTrue(
                    consent.textContent().contains("<script>window.pwned = 1</script>"),
                    "raw HTML is shown as text: " + consent.textContent());
            assertEquals(true, browser.page.evaluate("() => window.pwned === undefined"));
            browser.screenshot("participant-consent-markdown");

            new ParticipantPages(browser).completeAt(link);
            Locator debrief = new ParticipantPages(browser).debrief();
            String code = debrief.locator("#withdrawal-code").textContent();
            assertTrue(code.matches("\\d+-[A-Z2-9]{10}"), code);
            browser.screenshot("participant-withdrawal");
            browser.phoneScreenshot("participant-withdrawal");
            debrief.locator("#withdraw-open").click();
            browser.await(debrief.locator("#withdraw-confirm:visible"), "the confirmation");
            Axe.assertNoSeriousViolations(browser.page, "the withdrawal confirmation");
            browser.screenshot("participant-withdrawal-confirm");
            debrief.locator("#withdraw-confirm-button").click();
            browser.await(
                    debrief.locator("#withdraw-status:has-text('You have withdrawn')"),
                    "the withdrawal done");
            assertEquals(0, Db.sessions(slug), "the session and its answers are gone");
            assertEquals(0, Db.responses(slug));
            // Reopening the link says so and starts (and stores) nothing new.
            browser.page.navigate(link);
            browser.await(
                    browser.page.locator("h1:has-text('You have withdrawn from this study')"),
                    "the withdrawn notice");
            assertEquals(0, Db.sessions(slug), "no new session after a withdrawal");
            assertEquals(List.of(), browser.consoleErrors());
        }

        String later;
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            new ParticipantPages(browser).completeAt(link);
            later =
                    new ParticipantPages(browser)
                            .debrief()
                            .locator("#withdrawal-code")
                            .textContent();
        }
        assertEquals(1, Db.sessions(slug));
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.page.navigate(root + "study/?withdraw");
            browser.await(browser.page.locator("#withdraw-code-input"), "the withdrawal page");
            browser.page.fill("#withdraw-code-input", "9-AAAAAAAAAA");
            browser.page.check("#withdraw-understood");
            browser.page.locator("button:has-text('Withdraw and delete')").click();
            browser.await(
                    browser.page.locator("#withdraw-status:has-text('not known')"), "unknown code");
            browser.page.fill("#withdraw-code-input", later);
            browser.page.locator("button:has-text('Withdraw and delete')").click();
            browser.await(
                    browser.page.locator("#withdraw-status:has-text('You have withdrawn')"),
                    "the later withdrawal");
            Axe.assertNoSeriousViolations(browser.page, "the withdrawal page");
            browser.screenshot("participant-withdraw-page");
            browser.phoneScreenshot("participant-withdraw-page");
        }
        assertEquals(0, Db.sessions(slug));
        assertEquals(
                2,
                Db.count(
                        "SELECT count(*) FROM data_deletion WHERE study_id = ? AND actor ="
                                + " 'participant'",
                        (long) id));
    }

    @Test
    void aResearcherExcludesASessionAndDeletesAParticipantsData() {
        String owner = "e2e-roster-owner";
        E2eStudy study = E2eStudy.importAndOpen("e2e-roster", owner);
        for (String worker : List.of("WORKERKEEP0001", "WORKERGONE0002")) {
            String token =
                    TestApi.start(
                                    Map.of(
                                            "study",
                                            study.slug,
                                            "mturk",
                                            Map.of(
                                                    "assignmentId",
                                                    "A-" + worker,
                                                    "hitId",
                                                    "H-E2E",
                                                    "workerId",
                                                    worker,
                                                    "turkSubmitTo",
                                                    "https://workersandbox.mturk.com")))
                            .statusCode(201)
                            .extract()
                            .path("token");
            TestApi.consent(token);
            TestApi.answerAll(token);
        }
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.page.setViewportSize(1366, 800);
            browser.openStudy(root, owner, study.id);
            Locator section = browser.page.locator("section#participants");
            Locator rows = section.locator("table.participants tbody tr");
            browser.await(rows, "the participants table");
            assertEquals(2, rows.count());
            assertTrue(section.innerText().contains("WO••••••••••01"), section.innerText());
            assertTrue(!section.innerText().contains("WORKERKEEP0001"), "masked by default");
            section.locator("#reveal-ids").check();
            browser.await(section.locator("code:has-text('WORKERKEEP0001')"), "the shown ids");

            Locator first = rows.first();
            first.locator("input").fill("said the screen was too small");
            first.locator("button:has-text('Exclude')").click();
            browser.await(
                    section.locator(
                            "tr.excluded td:has-text('excluded: said the screen was too small')"),
                    "the excluded row");
            section.scrollIntoViewIfNeeded();
            Axe.assertNoSeriousViolations(browser.page, "the participants section");
            browser.screenshot("researcher-participants");
            browser.phoneScreenshot("researcher-participants");

            section.locator("#delete-value").fill("WORKERGONE0002");
            section.locator("button:has-text('Delete…')").click();
            Locator dialog =
                    browser.await(browser.page.locator("dialog#confirm-deletion"), "dialog");
            Axe.assertNoSeriousViolations(browser.page, "the deletion confirmation");
            browser.screenshot("researcher-delete-participant-confirm");
            dialog.locator("button:has-text('Delete their data')").click();
            browser.await(
                    section.locator(".deletion-log li:has-text('deleted a participant')"),
                    "the deletion log");
            assertEquals(1, rows.count());
            assertEquals(1, study.sessions());
            assertEquals(
                    List.of(),
                    browser.consoleErrors(
                            e -> e.contains("401") && e.contains("/api/researcher/me")));
        }
    }
}
