package org.eigenstudy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.eigenstudy.backend.testing.TestApi;
import org.eigenstudy.backend.testing.Zips;
import org.eigenstudy.studyconfig.manifest.Sha256;
import org.junit.jupiter.api.Test;

/**
 * A researcher uploads a generator on the Models page: a module that is no TorchScript is refused
 * with the check's reason; the demo generator is checked and listed with its facts, the sample grid
 * and the card line for a study file. axe-core; screenshots at 1366 and 390 px.
 */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ModelsPageE2eTest {

    private static final Path DEMO = Path.of("../geometry-core/models/demo");

    @TestHTTPResource("/")
    URL root;

    @Test
    void researcherUploadsAGeneratorAndSeesItsCheckedFacts() throws Exception {
        String user = "e2e-models-" + System.nanoTime();
        TestApi.tokenFor(user, "researcher");
        Path dir = Files.createTempDirectory("e2e-models");
        Path good = dir.resolve("demo-shapes.zip");
        Files.write(good, Zips.of(DEMO, "demo-shapes/", Map.of()));
        Path bad = dir.resolve("broken.zip");
        Files.write(bad, Zips.of(brokenDemo(), "", Map.of()));

        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.page.setViewportSize(1366, 800);
            browser.logIn(root, user);
            browser.page.locator("nav.topnav a:has-text('Models')").click();
            browser.await(browser.page.locator("h1:has-text('Models')"), "the models page");

            browser.page.locator("#model-file").setInputFiles(bad);
            Locator refused =
                    browser.await(
                            browser.page.locator("#model-status:has-text('Upload refused')"),
                            "the refusal");
            assertTrue(refused.innerText().contains("not TorchScript"), refused.innerText());

            browser.page.locator("#model-file").setInputFiles(good);
            browser.await(
                    browser.page.locator("#model-status:has-text('is checked and stored')"),
                    "the stored model");
            Locator model =
                    browser.await(
                            browser.page.locator("article.model:has-text('demo-shapes-64')"),
                            "the model's card");
            browser.page.waitForFunction(
                    "() => [...document.querySelectorAll('.sample-grid img')]"
                            + ".every(i => i.complete && i.naturalWidth === 576)");
            assertTrue(model.innerText().contains("z (64 dimensions, linear)"), model.innerText());
            String line = model.locator(".copy-field input").first().inputValue();
            assertTrue(line.startsWith("card: ") && line.endsWith("/model-card.json"), line);
            Axe.assertNoSeriousViolations(browser.page, "the models page");
            browser.screenshot("researcher-models");
            browser.phoneScreenshot("researcher-models");

            exploreSefa(browser, model);
            Path stylegan = dir.resolve("stylegan.zip");
            Files.write(stylegan, Zips.styleGanExport());
            exploreLayers(browser, stylegan);
            assertEquals(
                    List.of(),
                    browser.consoleErrors(
                            e ->
                                    (e.contains("401") && e.contains("/api/researcher/me"))
                                            || e.contains("422")));
        }
    }

    /**
     * The axis explorer: SeFa's first three directions rendered on the server; the slider moves
     * along one (another frame, its step and distance in the caption); ticking the second direction
     * ticks the first too and writes the study file's axes line.
     */
    private static void exploreSefa(E2eBrowser browser, Locator model) {
        model.locator("select[id^=explore-method]").selectOption("sefa");
        Locator figures = explore(browser, model, 3, 9);
        Locator first = figures.first();
        String before = first.locator("img").getAttribute("src");
        assertTrue(first.locator("figcaption").innerText().contains("step 0.00"));
        first.locator("input[type=range]").fill("8");
        String after = first.locator("img").getAttribute("src");
        assertTrue(!after.equals(before) && after.endsWith("-f8.png"), after);
        assertTrue(
                first.locator("figcaption").innerText().contains("step 3.00"), first.innerText());
        browser.page.waitForFunction(
                "() => [...document.querySelectorAll('.explore-direction img')]"
                        + ".every(i => i.complete && i.naturalWidth === 128)");
        figures.nth(1).locator("input[type=checkbox]").check();
        assertTrue(first.locator("input[type=checkbox]").isChecked(), "ticking 2 ticks 1");
        String axes = model.locator(".explore-results textarea").inputValue();
        assertTrue(axes.startsWith("axes: {sefa: 2}"), axes);
        Axe.assertNoSeriousViolations(browser.page, "the axis explorer");
        model.locator(".explorer").scrollIntoViewIfNeeded();
        browser.screenshot("researcher-axis-explorer");
        browser.phoneScreenshot("researcher-axis-explorer");
    }

    /**
     * A StyleGAN2 upload: the layer fields appear for W only (its card has a W+ module), SeFa's
     * directions walked in layers 2 and 3, and the study-file lines carry the same layers.
     */
    private static void exploreLayers(E2eBrowser browser, Path stylegan) {
        browser.page.locator("#model-file").setInputFiles(stylegan);
        Locator model =
                browser.await(
                        browser.page.locator("article.model:has-text('stylegan2-narrow')"),
                        "the StyleGAN model's card");
        Locator layers = model.locator("fieldset.explore-layers");
        model.locator("select[id^=explore-space]").selectOption("z");
        assertTrue(layers.isHidden(), "z has no W+ module");
        model.locator("select[id^=explore-space]").selectOption("w");
        model.locator("select[id^=explore-method]").selectOption("sefa");
        assertTrue(layers.isVisible(), "w has 8 W+ layers");
        model.locator("input[id^=explore-layers-from]").fill("2");
        model.locator("input[id^=explore-layers-to]").fill("4");
        Locator figures = explore(browser, model, 2, 5);
        figures.first().locator("input[type=checkbox]").check();
        String lines = model.locator(".explore-results textarea").inputValue();
        assertTrue(lines.contains("directions: {layers: [2, 4]}"), lines);
        Axe.assertNoSeriousViolations(browser.page, "the layered axis explorer");
        model.locator(".explorer").scrollIntoViewIfNeeded();
        browser.screenshot("researcher-axis-explorer-layers");
        browser.phoneScreenshot("researcher-axis-explorer-layers");
    }

    /** Asks the explorer for {@code count} directions of {@code frames} frames; their figures. */
    private static Locator explore(E2eBrowser browser, Locator model, int count, int frames) {
        model.locator("input[id^=explore-count]").fill(Integer.toString(count));
        model.locator("input[id^=explore-frames]").fill(Integer.toString(frames));
        model.locator("button:has-text('Explore')").click();
        Locator figures =
                browser.await(model.locator("figure.explore-direction"), "the explored directions");
        browser.page.waitForCondition(() -> figures.count() == count);
        return figures;
    }

    private static Path brokenDemo() throws Exception {
        Path dir = Files.createTempDirectory("e2e-broken-model");
        Path module = dir.resolve("generator_z.pt");
        Files.writeString(module, "not a TorchScript archive");
        ObjectMapper json = new ObjectMapper();
        ObjectNode card = (ObjectNode) json.readTree(DEMO.resolve("model-card.json").toFile());
        ((ObjectNode) card.path("files").path("generator_z.pt")).put("sha256", Sha256.of(module));
        json.writeValue(dir.resolve("model-card.json").toFile(), card);
        return dir;
    }
}
