package org.eigenstudy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.file.Files;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

/**
 * A researcher opens a draft study's "Recruit participants" section: the warnings say why the links
 * would not work yet (a plain-http local server, a draft), the participant link, the
 * ExternalQuestion XML and the Prolific study URL are there, "Copy" puts the exact text on the
 * clipboard and says so, and axe-core finds nothing serious. Screenshots at 1366×800 and 390×844 go
 * to target/e2e-screenshots/.
 */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class RecruitParticipantsE2eTest {

    private static final String SLUG = "e2e-recruit";

    @TestHTTPResource("/")
    URL root;

    @Test
    void researcherCopiesTheRecruitmentTexts() throws Exception {
        String user = "e2e-recruiter-" + System.nanoTime();
        String token = TestApi.tokenFor(user, "researcher");
        long studyId =
                TestApi.importDraft(
                        token, StudyFixture.create(SLUG, 2, StudyFixture.Design.standard()));

        try (E2eBrowser browser = E2eBrowser.laptop()) {
            String origin = root.getProtocol() + "://" + root.getAuthority();
            browser.grantClipboard(origin);
            browser.page.setViewportSize(1366, 800);
            browser.openStudy(root, user, studyId);
            Locator section = browser.page.locator("#recruit");
            browser.await(section.locator(".copy-field"), "recruitment fields");

            String warnings = section.locator(".warning").innerText();
            assertTrue(warnings.contains("is not https"), warnings);
            assertTrue(warnings.contains("the study is a draft"), warnings);

            String link = field(section, "Participant link");
            assertTrue(link.endsWith("/study/" + SLUG), link);
            String xml = field(section, "ExternalQuestion XML");
            assertTrue(xml.contains("<ExternalURL>" + link + "</ExternalURL>"), xml);
            String studyUrl = field(section, "Study URL");
            assertEquals(
                    link
                            + "?PROLIFIC_PID={{%PROLIFIC_PID%}}&STUDY_ID={{%STUDY_ID%}}"
                            + "&SESSION_ID={{%SESSION_ID%}}",
                    studyUrl);

            section.getByRole(
                            AriaRole.BUTTON,
                            new Locator.GetByRoleOptions().setName("Copy Study URL"))
                    .click();
            Locator copied =
                    browser.await(
                            section.locator(".copy-status:has-text('Copied.')"), "copy status");
            assertEquals(1, copied.count());
            assertEquals(studyUrl, browser.page.evaluate("() => navigator.clipboard.readText()"));

            Axe.assertNoSeriousViolations(browser.page, "recruit participants");
            shoot(section, "researcher-recruit");
            browser.page.setViewportSize(390, 844);
            Object fits =
                    browser.page.evaluate(
                            "() => document.documentElement.scrollWidth <= innerWidth");
            assertEquals(true, fits, "nothing sticks out at 390 px");
            shoot(section, "researcher-recruit-390px");
            // The dashboard asks who is logged in before the login form: that 401 is expected.
            assertEquals(
                    java.util.List.of(),
                    browser.consoleErrors(
                            e -> e.contains("401") && e.contains("/api/researcher/me")));
        }
    }

    /** The value of the read-only field labelled {@code name} (its copy button is "Copy name"). */
    private static String field(Locator section, String name) {
        return section.getByRole(
                        AriaRole.TEXTBOX,
                        new Locator.GetByRoleOptions().setName(name).setExact(true))
                .inputValue();
    }

    private static void shoot(Locator section, String name) throws Exception {
        Files.createDirectories(E2eBrowser.SCREENSHOTS);
        section.screenshot(
                new Locator.ScreenshotOptions()
                        .setPath(E2eBrowser.SCREENSHOTS.resolve(name + ".png")));
    }
}
