package org.eigenstudy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Set;
import org.eigenstudy.backend.testing.Csv;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

/**
 * A participant completes the study; a researcher logs in, sees the responses in the progress and
 * statistics, browses the stimuli, downloads the CSV, whose rows must be the answers given, and
 * closes the study through its confirmation. axe-core checks every dashboard page and the dialog;
 * screenshots at 1366×768 and 390×844 go to target/e2e-screenshots/.
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
        String user = "e2e-" + System.nanoTime();
        E2eStudy study = E2eStudy.importAndOpen(SLUG, user);
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
            assertEquals("Log in – Eigenstudy", browser.page.title());
            Axe.assertNoSeriousViolations(browser.page, "researcher login");
            screenshots(browser, "researcher-login");
            browser.page.fill("#username", user);
            browser.page.fill("#password", "wrong password");
            browser.page.click("button:has-text('Log in')");
            browser.page.locator("form.login .error:not([hidden])").waitFor();
            browser.page.fill("#password", password);
            browser.page.click("button:has-text('Log in')");

            Locator studyRow = browser.page.locator("tr[data-study-id='" + study.id + "']");
            studyRow.waitFor();
            assertEquals("Studies – Eigenstudy", browser.page.title());
            Axe.assertNoSeriousViolations(browser.page, "study list");
            screenshots(browser, "researcher-studies");
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
            browser.page.waitForCondition(
                    () -> browser.page.title().equals("Fixture " + SLUG + " – Eigenstudy"));
            browser.page.locator(".statistics figure.plot img").first().waitFor();
            browser.page.waitForFunction(
                    "() => [...document.querySelectorAll('.statistics figure.plot img')]"
                            + ".every(i => i.complete && i.naturalWidth > 0)");
            assertFiguresReadable(browser);
            assertChartsReadable(browser);
            assertHeadlineFirst(browser);
            Axe.assertNoSeriousViolations(browser.page, "study page: progress and statistics");
            statisticsScreenshots(browser);
            browser.page.click("button[aria-label^='Show m1-z-top']");
            browser.page.locator(".contact-sheet img").first().waitFor();
            browser.page.waitForFunction(
                    "() => [...document.querySelectorAll('.contact-sheet img')]"
                            + ".every(i => i.complete && i.naturalWidth > 0)");
            assertChartsReadable(browser);
            Axe.assertNoSeriousViolations(browser.page, "stimulus browser");
            screenshots(browser, "researcher-study");

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
            closeThroughTheConfirmation(browser, study);

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

    /**
     * Close asks first and says what closing does; Cancel (which has the focus) changes nothing;
     * confirming closes the study, which then offers no way to reopen it.
     */
    private void closeThroughTheConfirmation(E2eBrowser browser, E2eStudy study) {
        browser.page.navigate(root + "researcher/#/");
        Locator row = browser.page.locator("tr[data-study-id='" + study.id + "']");
        row.locator("button:has-text('Close')").click();
        Locator dialog =
                assertConfirmation(
                        browser,
                        "close confirmation",
                        List.of(
                                "New participants can no longer start",
                                "already started can still finish",
                                "Every response is kept",
                                "can be reopened later as the same version"));
        screenshots(browser, "researcher-close-confirmation");
        dialog.locator("button:has-text('Cancel')").click();
        assertEquals(0, browser.page.locator("dialog[open]").count());
        assertEquals("open", row.locator(".state").textContent());

        row.locator("button:has-text('Close')").click();
        browser.page.locator("dialog[open] button:has-text('Close study')").click();
        browser.page.waitForCondition(() -> "closed".equals(row.locator(".state").textContent()));
        assertEquals(
                List.of("Reopen…"),
                row.locator("button").allTextContents(),
                "a closed study offers only to reopen it");
    }

    /**
     * The confirmation dialog on screen says each of {@code says}, has the focus on Cancel (so
     * Enter or Escape changes nothing) and passes axe-core.
     */
    static Locator assertConfirmation(E2eBrowser browser, String what, List<String> says) {
        Locator dialog = browser.page.locator("dialog[open]");
        dialog.waitFor();
        String text = dialog.innerText();
        for (String said : says) {
            assertTrue(text.contains(said), "the dialog says: " + said + "; it shows " + text);
        }
        assertEquals("Cancel", browser.page.evaluate("() => document.activeElement.textContent"));
        Axe.assertNoSeriousViolations(browser.page, what);
        return dialog;
    }

    /**
     * The statistics figures are the backend's SVGs (statistics/plot): four bar figures and a rank
     * figure per group, each loaded, with distinct y tick labels and whole numbers on the rating
     * scales. The SVG text is fetched and parsed, as an image's own text is not in the page.
     */
    private static void assertFiguresReadable(E2eBrowser browser) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> figures =
                (List<Map<String, Object>>)
                        browser.page.evaluate(
                                "async () => Promise.all([...document.querySelectorAll("
                                        + "'.statistics figure.plot img')].map(async img => {"
                                        + " const text = await (await fetch(img.src)).text();"
                                        + " const svg = new DOMParser()"
                                        + ".parseFromString(text, 'image/svg+xml');"
                                        + " return { src: img.getAttribute('src'),"
                                        + " alt: img.alt, root: svg.documentElement.nodeName,"
                                        + " ticks: [...svg.querySelectorAll('text[text-anchor=end]')]"
                                        + ".map(t => t.textContent) }; }))");
        assertTrue(figures.size() >= 5, "figures shown: " + figures);
        for (Map<String, Object> figure : figures) {
            String src = String.valueOf(figure.get("src"));
            assertEquals("svg", figure.get("root"), src);
            assertTrue(String.valueOf(figure.get("alt")).length() > 20, src + " has an alt text");
            @SuppressWarnings("unchecked")
            List<String> ticks = (List<String>) figure.get("ticks");
            assertTrue(ticks.size() >= 2, src + ": " + ticks);
            assertTicksReadable(
                    src,
                    ticks,
                    src.contains("/consistency.svg") || src.contains("/difficulty.svg"));
        }
    }

    /**
     * The inline charts of the stimulus browser print distinct y tick labels (no axis labelled "0"
     * throughout) and a legend clear of the plot.
     */
    private static void assertChartsReadable(E2eBrowser browser) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> charts =
                (List<Map<String, Object>>)
                        browser.page.evaluate(
                                "() => [...document.querySelectorAll('svg.chart')].map(svg => ({"
                                        + " title: svg.querySelector('title').textContent,"
                                        + " ticks: [...svg.querySelectorAll('text.tick[text-anchor=end]')]"
                                        + ".map(t => t.textContent) }))");
        assertTrue(charts.size() >= 1, "charts drawn: " + charts);
        for (Map<String, Object> chart : charts) {
            @SuppressWarnings("unchecked")
            List<String> ticks = (List<String>) chart.get("ticks");
            String title = String.valueOf(chart.get("title"));
            assertTicksReadable(title, ticks, false);
        }
    }

    /** Distinct tick labels (no axis labelled "0" throughout); digits only on a rating scale. */
    private static void assertTicksReadable(String chart, List<String> ticks, boolean rating) {
        assertEquals(ticks.size(), Set.copyOf(ticks).size(), chart + ": " + ticks);
        if (rating) {
            assertTrue(ticks.stream().allMatch(t -> t.matches("\\d")), chart + ": " + ticks);
        }
    }

    /**
     * The headline (mixed models) comes before the trial-level tables, which sit under a
     * "Descriptive" heading; the per-axis table is shown in a labelled, focusable scroll region.
     */
    private static void assertHeadlineFirst(E2eBrowser browser) {
        Locator headline = browser.page.locator(".statistics section.headline");
        headline.waitFor();
        assertTrue(headline.locator("tr[data-measure=seen_change]").isVisible(), "seen model");
        assertTrue(headline.locator("tr[data-measure=magnitude]").first().isVisible(), "magnitude");
        Locator axes = browser.page.locator("[data-table=axes] tbody tr");
        assertTrue(axes.count() > 0 && axes.first().isVisible(), "per-axis table shown");
        Locator region = browser.page.locator("[data-table=axes] [role=region]");
        assertEquals("0", region.getAttribute("tabindex"));
        assertEquals("Per-axis table", region.getAttribute("aria-label"));
        Object order =
                browser.page.evaluate(
                        "() => { const h = document.querySelector('.statistics section.headline');"
                                + " const d = document.querySelector('.statistics h3.descriptive');"
                                + " const g = document.querySelector('.statistics section.group');"
                                + " return !!(h && d && g"
                                + " && (h.compareDocumentPosition(d) & Node.DOCUMENT_POSITION_FOLLOWING)"
                                + " && (d.compareDocumentPosition(g) & Node.DOCUMENT_POSITION_FOLLOWING)); }");
        assertEquals(
                Boolean.TRUE, order, "headline, then Descriptive, then the trial-level tables");
    }

    /** The statistics section alone at 1366×800 and 390×844, for review. */
    private static void statisticsScreenshots(E2eBrowser browser) {
        try {
            Files.createDirectories(E2eBrowser.SCREENSHOTS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (int[] size : new int[][] {{1366, 800}, {390, 844}}) {
            browser.page.setViewportSize(size[0], size[1]);
            browser.page
                    .locator("#statistics")
                    .screenshot(
                            new Locator.ScreenshotOptions()
                                    .setPath(
                                            E2eBrowser.SCREENSHOTS.resolve(
                                                    "researcher-statistics-" + size[0] + ".png")));
        }
        browser.page.setViewportSize(1366, 768);
    }

    /**
     * The page at a laptop's and at a phone's viewport (1366×768 and 390×844), full length. On the
     * phone nothing may stick out sideways (wide tables and contact sheets scroll in their own
     * box).
     */
    private static void screenshots(E2eBrowser browser, String name) {
        browser.screenshot(name);
        browser.page.setViewportSize(390, 844);
        // The page's own width: a wide table scrolls inside its wrapper and does not count, but
        // anything that widens the document (even a visually hidden label) does.
        Object sticking =
                browser.page.evaluate(
                        "() => document.documentElement.scrollWidth <= innerWidth ? []"
                                + " : [...document.body.querySelectorAll('*')]"
                                + ".filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)"
                                + ".slice(-5).map(e => e.tagName + '.' + e.className"
                                + " + ' ' + (e.textContent || '').slice(0, 40))");
        assertEquals(List.of(), sticking, name + " at 390 px");
        browser.screenshot(name + "-390px");
        browser.page.setViewportSize(1366, 768);
    }
}
