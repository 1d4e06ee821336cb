package org.eigenstudy.backend.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eigenstudy.backend.testing.Csv;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

/**
 * A participant completes the study; a researcher logs in, sees the responses in the progress and
 * statistics, and downloads the CSV, whose rows must be the answers given.
 */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ResearcherDashboardE2eTest {

    private static final String SLUG = "e2e-dashboard";

    @TestHTTPResource("/")
    URL root;

    @Test
    void researcherSeesTheNewResponsesAndDownloadsMatchingCsv() throws IOException {
        E2eStudy study = E2eStudy.importAndOpen(SLUG);
        String user = "e2e-" + System.nanoTime();
        TestApi.tokenFor(user, "researcher");
        String password = TestApi.password(user);
        int total = E2eStudy.TRIALS;
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.page.navigate(root + "study/?study=" + SLUG);
            ParticipantPages pages = new ParticipantPages(browser);
            pages.consent();
            pages.instructions();
            pages.practice();
            List<Answer> answers = pages.answerTrials(0, total, total);
            pages.debrief();

            browser.page.navigate(root + "researcher/");
            browser.page.locator("#username").waitFor();
            browser.screenshot("researcher-login");
            browser.page.fill("#username", user);
            browser.page.fill("#password", "wrong password");
            browser.page.click("button:has-text('Log in')");
            browser.page.locator("form.login .error:not([hidden])").waitFor();
            browser.page.fill("#password", password);
            browser.page.click("button:has-text('Log in')");

            Locator studyRow = browser.page.locator("tr[data-study-id='" + study.id + "']");
            studyRow.waitFor();
            browser.screenshot("researcher-studies");
            browser.narrowScreenshot("researcher-studies");
            studyRow.locator("a").click();

            browser.page.waitForCondition(
                    () ->
                            String.valueOf(total)
                                    .equals(
                                            browser.page
                                                    .locator("dd[data-count=responses]")
                                                    .textContent()));
            Locator classRows =
                    browser.page.locator(".group[data-scope=overall] tr[data-axis-class]");
            classRows.first().waitFor();
            long trialsInStatistics = 0;
            for (int i = 0; i < classRows.count(); i++) {
                trialsInStatistics +=
                        Long.parseLong(classRows.nth(i).locator("td").first().textContent().trim());
            }
            assertEquals(total, trialsInStatistics, "statistics count every new response");
            browser.page.click("button[aria-label^='Show m1-z-top']");
            browser.page.locator(".contact-sheet img").first().waitFor();
            browser.page.waitForFunction(
                    "() => [...document.querySelectorAll('.contact-sheet img')]"
                            + ".every(i => i.complete && i.naturalWidth > 0)");
            browser.screenshot("researcher-study");
            browser.narrowScreenshot("researcher-study");

            Download download =
                    browser.page.waitForDownload(
                            () -> browser.page.click("a:has-text('Responses (CSV)')"));
            String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
            List<Map<String, String>> rows =
                    Csv.records(csv).stream()
                            .filter(r -> SLUG.equals(r.get("study_slug")))
                            .sorted(
                                    Comparator.comparingInt(
                                            r -> Integer.parseInt(r.get("trial_index"))))
                            .toList();
            assertEquals(total, rows.size(), csv);
            for (int i = 0; i < total; i++) {
                Map<String, String> row = rows.get(i);
                Answer a = answers.get(i);
                assertEquals(String.valueOf(i), row.get("trial_index"));
                assertEquals(a.changeSeen(), Csv.bool(row.get("change_seen")), "change_seen " + i);
                assertEquals(
                        a.magnitude() == null ? "" : a.magnitude().toString(),
                        row.get("magnitude"));
                assertEquals(
                        a.description() == null ? "" : a.description(), row.get("description"));
                assertEquals(Answer.cell(a.sharedCount()), row.get("shared_count"));
                assertEquals(Answer.cell(a.consistency()), row.get("consistency"));
                assertEquals(String.valueOf(a.difficulty()), row.get("difficulty"));
            }
            // Chromium logs every 4xx fetch as a console error: the dashboard's "am I logged in?"
            // probe before login and the wrong password this test types on purpose are expected.
            assertEquals(
                    List.of(),
                    browser.consoleErrors(
                            e ->
                                    e.contains("status of 401")
                                            && (e.contains("/api/researcher/me")
                                                    || e.contains("/j_security_check"))));
        }
    }
}
