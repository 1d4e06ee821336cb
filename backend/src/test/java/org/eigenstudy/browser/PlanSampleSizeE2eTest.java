package org.eigenstudy.browser;

import static org.eigenstudy.backend.testing.TestApi.answer;
import static org.eigenstudy.backend.testing.TestApi.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

/**
 * A researcher runs the "Plan sample size" form on a study with eight participants' responses: the
 * table shows one row per participant count with a power per planned contrast, the power curve
 * loads, the explanation is there, a refused request says why, the run is then listed from the
 * statistics report's power section, and axe-core finds nothing serious. Screenshots of the section
 * at 1366×800 and 390×844 go to target/e2e-screenshots/.
 */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class PlanSampleSizeE2eTest {

    private static final String SLUG = "e2e-planning";

    @TestHTTPResource("/")
    URL root;

    @Test
    void researcherPlansTheSampleSize() throws Exception {
        String user = "e2e-planner-" + System.nanoTime();
        String token = TestApi.tokenFor(user, "researcher");
        long studyId =
                TestApi.importAndOpen(
                        token, StudyFixture.create(SLUG, 3, StudyFixture.Design.standard()));
        for (int p = 0; p < 8; p++) {
            String session = TestApi.startAndConsent(SLUG);
            List<Integer> indexes = TestApi.trialIndexes(session);
            for (int index : indexes) {
                boolean seen = (index + p) % 4 != 0;
                Map<String, Object> body = answer(index, seen);
                if (seen) {
                    body.put("magnitude", 20 + 7 * p + 5 * (index % 7));
                }
                put(session, "plan-" + p + "-" + index, body).statusCode(201);
            }
        }
        Db.update(
                "UPDATE response SET catch_passed = TRUE WHERE catch_passed = FALSE AND session_id"
                        + " IN (SELECT id FROM participant_session WHERE study_id = ?)",
                studyId);

        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.page.setViewportSize(1366, 800);
            browser.openStudy(root, user, studyId);
            Locator section = browser.await(browser.page.locator("#planning form"), "form");
            section = browser.page.locator("#planning");
            browser.await(
                    section.locator("p.hint:has-text('No simulation has been run')"),
                    "the report's note that nothing was planned yet");

            browser.page.fill("#plan-participants", "2");
            browser.page.click("#planning button:has-text('Run simulation')");
            Locator refused = browser.await(section.locator(".error[role=alert]"), "refusal");
            assertTrue(
                    refused.textContent().contains("participants must be between 3 and 1000"),
                    refused.textContent());

            browser.page.fill("#plan-participants", "4, 8");
            browser.page.fill("#plan-axes", "3");
            browser.page.fill("#plan-simulations", "20");
            browser.page.fill("#plan-seed", "7");
            browser.page.click("#planning button:has-text('Run simulation')");
            Locator rows =
                    browser.await(
                            section.locator(".power-result .power-table tbody tr"), "power table");
            assertEquals(2, rows.count());
            assertEquals(
                    List.of("4", "8"),
                    List.of(
                            rows.nth(0).locator("th").textContent(),
                            rows.nth(1).locator("th").textContent()));
            for (String contrast : List.of("top-bottom", "top-orthogonal")) {
                String cell =
                        rows.nth(1).locator("td[data-contrast=" + contrast + "]").textContent();
                assertTrue(cell.matches("[01]\\.\\d\\d ± 0\\.\\d\\d"), contrast + ": " + cell);
            }
            browser.page.waitForFunction(
                    "() => { const i = document.querySelector('#planning .power-plot img');"
                            + " return i && i.complete && i.naturalWidth > 0; }");
            assertTrue(
                    section.locator(".power-result details")
                            .innerText()
                            .contains("dashed line at 0.8"),
                    "how to read the plot");
            // The run is kept: the report's power section lists it above the form.
            Locator last =
                    browser.await(
                            section.locator(".power-last details[data-measure=magnitude]"),
                            "last run from the report");
            assertTrue(
                    last.locator("summary").textContent().contains("4, 8 participants"),
                    last.locator("summary").textContent());
            assertTrue(last.locator("summary").textContent().contains("seed 7"));
            last.locator("summary").click();
            assertEquals(2, last.locator(".power-table tbody tr").count());
            Axe.assertNoSeriousViolations(browser.page, "plan sample size");
            shoot(browser, section, "researcher-planning");
            browser.page.setViewportSize(390, 844);
            Object sticking =
                    browser.page.evaluate(
                            "() => document.documentElement.scrollWidth <= innerWidth");
            assertEquals(true, sticking, "nothing sticks out at 390 px");
            shoot(browser, section, "researcher-planning-390px");
        }
    }

    private static void shoot(E2eBrowser browser, Locator section, String name) throws Exception {
        Files.createDirectories(E2eBrowser.SCREENSHOTS);
        section.screenshot(
                new Locator.ScreenshotOptions()
                        .setPath(E2eBrowser.SCREENSHOTS.resolve(name + ".png")));
    }
}
