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
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

/**
 * A researcher with no stimuli at hand starts from the demo template, makes it small, computes the
 * stimuli on the server (the real geometry-core CLI on the committed demo generator) while the
 * editor shows the job's progress, and creates the draft from the computed bundle. axe-core on the
 * running and the finished job; screenshots at 1366 and 390 px.
 */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ComputeStimuliE2eTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void researcherComputesStimuliFromATemplateAndCreatesTheStudy() {
        String user = "e2e-compute-" + System.nanoTime();
        TestApi.tokenFor(user, "researcher");
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.page.setViewportSize(1366, 800);
            browser.logIn(root, user);
            browser.page.locator("a:has-text('New study')").click();
            browser.await(
                    browser.page.locator("#config-status:has-text('Start from a template')"),
                    "templates");
            browser.page.locator("button:has-text('Use template')").click();
            Locator yaml = browser.page.locator("#config-yaml");
            browser.await(
                    browser.page.locator("#config-status:has-text('(demo v1)')"), "the template");
            // A smaller study of the same generator: one Hessian point, one axis per class.
            yaml.fill(
                    yaml.inputValue()
                            .replace("slug: demo", "slug: e2e-computed")
                            .replace("points: 8", "points: 1")
                            .replace(
                                    "axes: {top: 6, orthogonal: 6, orthogonal_exclude_top: 10,"
                                            + " bottom: 6}",
                                    "axes: {top: 1, orthogonal: 1, orthogonal_exclude_top: 2,"
                                            + " bottom: 1}")
                            .replace("references: 5", "references: 1")
                            .replace("frames: 7", "frames: 3")
                            .replace("trials_per_participant: 12", "trials_per_participant: 3")
                            .replace("catch_trials: 2", "catch_trials: 0")
                            .replace("max_failed_catch_trials: 1", "max_failed_catch_trials: 0"));
            browser.await(
                    browser.page.locator("#config-status:has-text('(e2e-computed v1)')"),
                    "the small study");
            browser.await(
                    browser.page.locator("p:has-text('No uploaded bundle fits')"),
                    "no stimuli yet");

            browser.page.locator("button:has-text('Compute stimuli')").click();
            browser.await(browser.page.locator("#job-status:has-text('Job ')"), "the job");
            browser.screenshot("researcher-compute-running");
            Axe.assertNoSeriousViolations(browser.page, "a running precompute job");
            Locator done = browser.page.locator("#job-status:has-text('every checksum verified')");
            done.waitFor(new Locator.WaitForOptions().setTimeout(180_000));
            browser.await(
                    browser.page.locator("input[name='stimuli'][id^='stimuli-bundle-']:checked"),
                    "the computed bundle, chosen");
            browser.page.locator("details.job-log-details summary").click();
            browser.await(
                    browser.page.locator(".job-log:has-text('stimuli written to')"), "the log");
            Axe.assertNoSeriousViolations(browser.page, "a finished precompute job");
            browser.screenshot("researcher-compute-done");
            browser.phoneScreenshot("researcher-compute-done");

            browser.page.locator("button:has-text('Create draft')").click();
            browser.await(
                    browser.page.locator("h1:has-text('(e2e-computed v1)')"),
                    "the new study's page");
            assertTrue(
                    browser.page.locator(".state-draft").count() > 0
                            || browser.page.locator("text=draft").count() > 0);
            assertEquals(
                    List.of(),
                    browser.consoleErrors(
                            e -> e.contains("401") && e.contains("/api/researcher/me")));
        }
    }
}
