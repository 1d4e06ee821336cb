package org.eigenstudy.browser;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Accessibility checks with axe-core (the npm package the frontend installs as a dev dependency),
 * run inside the page under test. Serious and critical violations fail the test; minor and moderate
 * ones are design judgements (e.g. landmark nesting) that the screenshots review instead.
 */
final class Axe {

    /** axe-core's browser bundle, installed by the frontend's {@code npm install}. */
    static final Path SCRIPT = Path.of("..", "frontend", "node_modules", "axe-core", "axe.min.js");

    private static final List<String> FAILING_IMPACTS = List.of("serious", "critical");

    private Axe() {}

    /**
     * Runs axe-core on the page as it is now and fails naming every serious or critical rule hit.
     */
    static void assertNoSeriousViolations(Page page, String what) {
        if (!Files.isRegularFile(SCRIPT)) {
            fail(
                    "axe-core is missing at "
                            + SCRIPT.toAbsolutePath()
                            + ": run npm install in frontend/");
        }
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.addScriptTag(new Page.AddScriptTagOptions().setPath(SCRIPT));
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations =
                (List<Map<String, Object>>)
                        page.evaluate(
                                "async () => (await axe.run(document, {resultTypes: ['violations']}))"
                                        + ".violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                                        + " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))");
        List<String> failing =
                violations.stream()
                        .filter(v -> FAILING_IMPACTS.contains(String.valueOf(v.get("impact"))))
                        .map(
                                v ->
                                        v.get("impact")
                                                + " "
                                                + v.get("id")
                                                + " ("
                                                + v.get("help")
                                                + ") at "
                                                + v.get("nodes"))
                        .toList();
        if (!failing.isEmpty()) {
            fail(
                    "axe-core on "
                            + what
                            + " at "
                            + page.url()
                            + ":\n  "
                            + String.join("\n  ", failing));
        }
    }
}
