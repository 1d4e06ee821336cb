package org.eigenstudy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * A worker arrives through an MTurk ExternalQuestion URL, completes the study and submits the HIT.
 */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class MturkParticipantE2eTest {

    private static final String SLUG = "e2e-mturk";
    private static final String SUBMIT_TO = "https://workersandbox.mturk.com";

    @TestHTTPResource("/")
    URL root;

    @Test
    void completesTheStudyAndPostsTheAssignmentIdToMturk() {
        E2eStudy study = E2eStudy.importAndOpen(SLUG);
        String assignment = "ASSIGN-" + System.nanoTime();
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            AtomicReference<String> posted = new AtomicReference<>();
            // MTurk itself is not reachable (and must not be): the browser's request is answered
            // here.
            browser.page.route(
                    SUBMIT_TO + "/**",
                    route -> {
                        posted.set(route.request().postData());
                        route.fulfill(
                                new com.microsoft.playwright.Route.FulfillOptions()
                                        .setContentType("text/html")
                                        .setBody("<p>HIT submitted</p>"));
                    });
            browser.page.navigate(
                    root
                            + "study/?study="
                            + SLUG
                            + "&assignmentId="
                            + assignment
                            + "&hitId=HIT-1&workerId=WORKER-"
                            + System.nanoTime()
                            + "&turkSubmitTo="
                            + SUBMIT_TO);
            ParticipantPages pages = new ParticipantPages(browser);
            pages.consent();
            pages.instructions();
            pages.practice();
            List<Answer> answers = pages.answerTrials(0, E2eStudy.TRIALS, E2eStudy.TRIALS);

            var form = pages.debrief().locator("#mturk-submit");
            form.waitFor();
            browser.screenshot("participant-debrief-mturk");
            assertEquals(SUBMIT_TO + "/mturk/externalSubmit", form.getAttribute("action"));
            assertEquals("POST", form.getAttribute("method").toUpperCase());
            assertEquals(
                    assignment,
                    form.locator("input[name=assignmentId]").getAttribute("value"),
                    "the form must submit the worker's own assignment id");
            browser.page.click("button:has-text('Submit HIT')");
            browser.page.waitForURL(SUBMIT_TO + "/mturk/externalSubmit");
            assertTrue(
                    posted.get().contains("assignmentId=" + assignment),
                    "posted body: " + posted.get());

            assertEquals(answers.size(), study.responses());
            assertEquals(List.of(), browser.consoleErrors());
        }
    }
}
