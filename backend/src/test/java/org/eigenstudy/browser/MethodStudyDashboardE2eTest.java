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
import org.eigenstudy.backend.testing.AnsweredStudy;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.TestApi;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.junit.jupiter.api.Test;

/**
 * A researcher opens a study that compares direction methods (the metric's top axes, SeFa and
 * random directions): the headline's means table has a column per method and the ranking table
 * lists, per measure, the methods from the highest mean down with ranks 1..3. axe-core checks the
 * page; screenshots at 1366×768 and 390×844 go to target/e2e-screenshots/.
 */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class MethodStudyDashboardE2eTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void theStudyPageRanksTheMethods() {
        String user = "e2e-methods-" + System.nanoTime();
        String token = TestApi.tokenFor(user, "researcher");
        long studyId =
                AnsweredStudy.create(
                        token,
                        "e2e-methods",
                        List.of(AxisClass.TOP, AxisClass.SEFA, AxisClass.RANDOM),
                        6);
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.openStudy(root, user, studyId);
            Locator ranking =
                    browser.await(
                            browser.page.locator("[data-table=ranking]"), "the ranking table");
            Locator header = browser.page.locator(".headline table.stats").first().locator("thead");
            String columns = header.innerText();
            for (String method : List.of("top", "sefa", "random")) {
                assertTrue(columns.contains(method), columns);
            }
            assertTrue(!columns.contains("orthogonal"), "only the methods shown: " + columns);
            Locator magnitude = ranking.locator("tr[data-measure=magnitude]");
            assertEquals(3, magnitude.count());
            assertEquals(
                    List.of("1", "2", "3"),
                    magnitude.all().stream().map(r -> r.getAttribute("data-rank")).toList());
            String conditions = magnitude.allInnerTexts().toString();
            assertTrue(
                    conditions.contains("top (metric)")
                            && conditions.contains("sefa")
                            && conditions.contains("random"),
                    conditions);
            ranking.scrollIntoViewIfNeeded();
            Axe.assertNoSeriousViolations(browser.page, "study page of a methods study");
            browser.screenshot("researcher-methods-ranking");
            browser.phoneScreenshot("researcher-methods-ranking");
        }
    }
}
