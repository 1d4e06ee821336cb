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
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

/**
 * The owner of a study adds a colleague as a viewer on the study page; the colleague then sees the
 * study (and its members, without controls), while another researcher does not see it at all.
 * axe-core; screenshots at 1366 and 390 px.
 */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class StudyMembersE2eTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void anOwnerSharesAStudyWithAViewerAndNobodyElseSeesIt() {
        long stamp = System.nanoTime();
        String owner = "e2e-owner-" + stamp;
        String colleague = "e2e-colleague-" + stamp;
        String stranger = "e2e-stranger-" + stamp;
        long id =
                TestApi.importDraft(
                        TestApi.tokenFor(owner, "researcher"),
                        StudyFixture.create("e2e-members", 1, StudyFixture.Design.standard()));
        TestApi.tokenFor(colleague, "researcher");
        TestApi.tokenFor(stranger, "researcher");

        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.page.setViewportSize(1366, 800);
            browser.openStudy(root, owner, id);
            Locator members = browser.page.locator("section#members");
            browser.await(members.locator("tr[data-member='" + owner + "']"), "the owner row");
            members.locator("#new-member").fill(colleague);
            members.locator("#new-member-role").selectOption("viewer");
            members.locator("button:has-text('Add')").click();
            browser.await(
                    members.locator("tr[data-member='" + colleague + "']"), "the colleague's row");
            members.scrollIntoViewIfNeeded();
            Axe.assertNoSeriousViolations(browser.page, "the members section");
            browser.screenshot("researcher-members");
            browser.phoneScreenshot("researcher-members");
        }
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.openStudy(root, colleague, id);
            Locator members = browser.page.locator("section#members");
            browser.await(members.locator("tr[data-member='" + owner + "']"), "the members");
            assertEquals(0, members.locator("button").count(), "a viewer manages nobody");
            assertTrue(members.innerText().contains("viewer (reads)"), members.innerText());
        }
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.logIn(root, stranger);
            browser.await(browser.page.locator("h1:has-text('Studies')"), "the study list");
            browser.page.waitForLoadState();
            browser.await(
                    browser.page.locator("table, p:has-text('No study imported yet')"),
                    "the list's content");
            assertEquals(
                    0,
                    browser.page.locator("tr[data-study-id='" + id + "']").count(),
                    "a stranger does not see the study");
            assertEquals(
                    List.of(),
                    browser.consoleErrors(
                            e -> e.contains("401") && e.contains("/api/researcher/me")));
        }
    }
}
