package org.eigenstudy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.eigenstudy.backend.testing.Zips;
import org.junit.jupiter.api.Test;

/**
 * A researcher creates a study with no shell on the server: opens a study file in the editor, sees
 * a typo reported at its line as the parser words it, fixes it, uploads the zipped stimuli (a bad
 * archive first, refused with its reason), creates the draft, then makes a new version whose only
 * edit is the title and reuses the stimuli. axe-core on the editor; screenshots at 1366×800 and
 * 390×844 in target/e2e-screenshots/.
 */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class StudyEditorE2eTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void researcherCreatesAStudyFromAFileAndABundleThenANewVersion() throws Exception {
        String user = "e2e-editor-" + System.nanoTime();
        String token = TestApi.tokenFor(user, "researcher");
        StudyFixture fixture = StudyFixture.create("e2e-editor", 1, StudyFixture.Design.standard());
        Path good = fixture.dir.resolve("stimuli.zip");
        Files.write(good, Zips.of(fixture.stimuli, "e2e-editor/", Map.of()));
        Path evil = fixture.dir.resolve("evil.zip");
        Files.write(evil, Zips.of(fixture.stimuli, "", Map.of("../evil.png", new byte[] {1})));

        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.page.setViewportSize(1366, 800);
            browser.logIn(root, user);
            browser.page.locator("a:has-text('New study')").click();
            Locator status = browser.page.locator("#config-status");

            // A template loads and checks.
            browser.await(
                    browser.page.locator("#config-status:has-text('Start from a template')"),
                    "templates");
            assertEquals("demo", browser.page.locator("#template").inputValue());
            browser.page.locator("button:has-text('Use template')").click();
            browser.await(
                    browser.page.locator("#config-status:has-text('Valid')"), "template check");

            // The fixture's file, with a typo: the parser's message at its line.
            browser.page.locator("#config-file").setInputFiles(fixture.config);
            browser.await(
                    browser.page.locator("#config-status:has-text('e2e-editor v1')"), "file check");
            Locator yaml = browser.page.locator("#config-yaml");
            yaml.fill(fixture.yaml().replace("frames: 3", "frame: 3"));
            Locator problem =
                    browser.await(browser.page.locator("#config-problems li"), "a located problem");
            assertTrue(
                    problem.innerText()
                            .contains(
                                    "models[0].stimuli.frame: unknown key (did you mean"
                                            + " 'frames'?)"),
                    problem.innerText());
            assertTrue(problem.innerText().contains("study.yaml:"), problem.innerText());
            assertEquals("true", yaml.getAttribute("aria-invalid"));
            Axe.assertNoSeriousViolations(browser.page, "study editor with a problem");
            browser.screenshot("researcher-study-editor-problem");
            browser.page.setViewportSize(390, 844);
            browser.screenshot("researcher-study-editor-problem-390px");
            browser.page.setViewportSize(1366, 800);
            // The consent as participants will read it: Markdown rendered, raw HTML shown as text.
            yaml.fill(
                    fixture.yaml()
                            .replaceFirst(
                                    "consent: \".*\"",
                                    "consent: \"**Vision lab** consent <img src=x onerror=alert(1)>\""));
            browser.await(
                    browser.page.locator("#config-status:has-text('e2e-editor v1')"),
                    "texts check");
            browser.page.locator("summary:has-text('What participants read')").click();
            Locator consent = browser.await(browser.page.locator("#preview-consent"), "preview");
            assertEquals("Vision lab", consent.locator("strong").textContent());
            assertEquals(0, consent.locator("img").count(), "raw HTML is text, not an image");
            assertTrue(consent.textContent().contains("<img src=x"), consent.textContent());
            Axe.assertNoSeriousViolations(browser.page, "study editor with the texts preview");
            browser.screenshot("researcher-study-editor-texts");
            browser.phoneScreenshot("researcher-study-editor-texts");
            yaml.fill(fixture.yaml());
            browser.await(
                    browser.page.locator("#config-status:has-text('e2e-editor v1')"), "fixed file");

            // A bad archive is refused with its reason; the good one is stored and fits.
            browser.page.locator("#bundle-file").setInputFiles(evil);
            browser.await(browser.page.locator("p:has-text('Upload refused')"), "the refusal");
            assertTrue(
                    browser.page
                            .locator("p:has-text('Upload refused')")
                            .innerText()
                            .contains("'../evil.png' is not a plain relative path"));
            browser.page.locator("#bundle-file").setInputFiles(good);
            browser.await(
                    browser.page.locator("p:has-text('every checksum verified')"),
                    "the stored bundle");
            browser.await(
                    browser.page.locator("input[name='stimuli'][id^='stimuli-bundle-']:checked"),
                    "the uploaded bundle, chosen");
            Axe.assertNoSeriousViolations(browser.page, "study editor with a bundle");
            browser.screenshot("researcher-study-editor");
            browser.page.setViewportSize(390, 844);
            browser.screenshot("researcher-study-editor-390px");
            browser.page.setViewportSize(1366, 800);

            browser.page.locator("button:has-text('Create draft')").click();
            browser.await(
                    browser.page.locator("h1:has-text('Fixture e2e-editor (e2e-editor v1)')"),
                    "the new study's page");

            // A new version that changes only the title reuses the stimuli.
            browser.page.locator("a:has-text('New version…')").click();
            browser.await(
                    browser.page.locator("#config-status:has-text('e2e-editor v2')"),
                    "the next version");
            yaml.fill(
                    yaml.inputValue()
                            .replace("title: \"Fixture e2e-editor\"", "title: \"Renamed\""));
            Locator change =
                    browser.await(
                            browser.page.locator(".change-list li:has-text('study.title')"),
                            "the title change");
            assertTrue(change.innerText().contains("no new stimuli"), change.innerText());
            browser.await(
                    browser.page.locator("#stimuli-base:checked"), "the base's stimuli chosen");
            browser.screenshot("researcher-study-editor-new-version");
            browser.page.locator("button:has-text('Create draft')").click();
            browser.await(
                    browser.page.locator("h1:has-text('Renamed (e2e-editor v2)')"),
                    "the new version's page");
            assertEquals(
                    List.of(),
                    browser.consoleErrors(
                            e ->
                                    (e.contains("401") && e.contains("/api/researcher/me"))
                                            || e.contains("422")));
        }
    }
}
