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
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.NpyFiles;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

/**
 * A researcher uploads direction files on the Models page: a CSV with a value that is not a number
 * is refused with the check's reason; a labelled CSV is listed with its size, labels and the {@code
 * imported:} line for a study file; deleting asks first (Cancel keeps the file) and then removes
 * it. axe-core on the page and the dialog; screenshots at 1366 and 390 px.
 */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class DirectionFilesE2eTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void researcherUploadsListsAndDeletesADirectionFile() throws Exception {
        String user = "e2e-directions-" + System.nanoTime();
        TestApi.tokenFor(user, "researcher");
        Path dir = Files.createTempDirectory("e2e-directions");
        Path bad = dir.resolve("broken.csv");
        Files.writeString(bad, "smile,1,0\nage,NaN,1\n");
        Path good = dir.resolve("e2e-boundaries.csv");
        StringBuilder csv = new StringBuilder("# InterFaceGAN boundaries\n");
        List<String> labels = List.of("smile", "age", "pose", "glasses", "hair", "light");
        for (int k = 0; k < labels.size(); k++) {
            csv.append(labels.get(k));
            for (int i = 0; i < 64; i++) {
                csv.append(',').append(i == k ? "1" : "0.01");
            }
            csv.append('\n');
        }
        Files.writeString(good, csv);

        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.logIn(root, user);
            browser.page.locator("nav.topnav a:has-text('Models')").click();
            browser.await(browser.page.locator("h2:has-text('Direction files')"), "the section");

            Locator input = browser.page.getByLabel("Directions (.npy or .csv)");
            input.setInputFiles(bad);
            Locator refused =
                    browser.await(
                            browser.page.locator("#directions-status:has-text('Upload refused')"),
                            "the refusal");
            assertTrue(
                    refused.innerText().contains("broken.csv direction 2 (age) has a value that"),
                    refused.innerText());

            input.setInputFiles(good);
            browser.await(
                    browser.page.locator("#directions-status:has-text('is checked and stored')"),
                    "the stored file");
            Locator file =
                    browser.await(
                            browser.page.locator(
                                    "article.direction-file:has-text('e2e-boundaries.csv')"),
                            "the file's entry");
            String facts = file.innerText();
            assertTrue(facts.contains("6 directions of 64 values"), facts);
            assertTrue(facts.contains("smile, age, pose, glasses and 2 more"), facts);
            String line = file.locator(".copy-field input").inputValue();
            assertTrue(line.startsWith("imported: ") && line.endsWith("/e2e-boundaries.csv"), line);
            Axe.assertNoSeriousViolations(browser.page, "the direction files");
            file.scrollIntoViewIfNeeded();
            browser.screenshot("researcher-direction-files");
            browser.phoneScreenshot("researcher-direction-files");

            studyEditorResolves(browser, line);
            browser.page.locator("nav.topnav a:has-text('Models')").click();
            file.locator("button:has-text('Delete…')").click();
            Locator dialog =
                    browser.await(browser.page.locator("dialog#delete-directions"), "the dialog");
            assertTrue(
                    dialog.innerText().contains("Removes e2e-boundaries.csv"), dialog.innerText());
            Axe.assertNoSeriousViolations(browser.page, "the delete dialog");
            browser.screenshot("researcher-direction-files-delete");
            browser.phoneScreenshot("researcher-direction-files-delete");
            dialog.locator("button:has-text('Cancel')").click();
            assertEquals(1, file.count(), "Cancel keeps the file");

            file.locator("button:has-text('Delete…')").click();
            browser.page.locator("dialog#delete-directions button:has-text('Delete file')").click();
            browser.await(
                    browser.page.locator(
                            "#directions-status:has-text('e2e-boundaries.csv is deleted')"),
                    "the deletion");
            browser.page.waitForCondition(() -> file.count() == 0);

            // A .npy names its vectors through a labels file chosen first.
            Path npy = dir.resolve("e2e-vectors.npy");
            Files.write(npy, NpyFiles.float64(2, 64, 0.5));
            Path names = dir.resolve("names.txt");
            Files.writeString(names, "warmer\ncooler\n");
            browser.page.getByLabel("Labels for a .npy (optional, .txt)").setInputFiles(names);
            input.setInputFiles(npy);
            Locator vectors =
                    browser.await(
                            browser.page.locator(
                                    "article.direction-file:has-text('e2e-vectors.npy')"),
                            "the labelled .npy's entry");
            assertTrue(vectors.innerText().contains("warmer, cooler"), vectors.innerText());
            vectors.scrollIntoViewIfNeeded();
            browser.screenshot("researcher-direction-files-labels");
            browser.phoneScreenshot("researcher-direction-files-labels");
            assertEquals(
                    List.of(),
                    browser.consoleErrors(
                            e ->
                                    (e.contains("401") && e.contains("/api/researcher/me"))
                                            || e.contains("422")));
        }
    }

    /**
     * The study editor: the upload's bare name is a problem at its line that gives the path to use;
     * with the listed {@code imported:} line the file is valid.
     */
    private static void studyEditorResolves(E2eBrowser browser, String line) {
        browser.page.locator("nav.topnav a:has-text('Studies')").click();
        browser.page.locator("a:has-text('New study')").click();
        browser.await(
                browser.page.locator("#config-status:has-text('Start from a template')"),
                "templates");
        String study =
                """
                study: {slug: imported-e2e, title: "Imported directions"}
                models:
                  - id: demo
                    card: ../geometry-core/models/demo/model-card.json
                    space: z
                    stimuli:
                      axes: {top: 2, orthogonal: 2, bottom: 2, imported: 4}
                      directions: {%s}
                      distance: 2.0
                """;
        Locator yaml = browser.page.locator("#config-yaml");
        yaml.fill(study.formatted("imported: e2e-boundaries.csv"));
        Locator problem =
                browser.await(
                        browser.page.locator(
                                "#config-problems li:has-text('is an uploaded direction file')"),
                        "the bare name's problem");
        assertTrue(problem.innerText().contains("study.yaml:8:30:"), problem.innerText());
        assertTrue(problem.innerText().contains(line.substring("imported: ".length())));
        Axe.assertNoSeriousViolations(browser.page, "the editor with a directions problem");
        browser.screenshot("researcher-study-editor-directions-problem");
        browser.phoneScreenshot("researcher-study-editor-directions-problem");
        yaml.fill(study.formatted(line));
        browser.await(
                browser.page.locator("#config-status:has-text('Valid')"), "the listed line valid");
    }
}
