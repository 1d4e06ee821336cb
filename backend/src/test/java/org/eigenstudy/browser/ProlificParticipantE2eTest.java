package org.eigenstudy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.junit.jupiter.api.Test;

/** A Prolific participant completes the study and is sent back to Prolific with the code. */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ProlificParticipantE2eTest {

    private static final String SLUG = "e2e-prolific";

    @TestHTTPResource("/")
    URL root;

    @Test
    void completesTheStudyAndIsRedirectedToProlific() {
        E2eStudy study = E2eStudy.importAndOpen(SLUG);
        try (E2eBrowser browser = E2eBrowser.laptop()) {
            browser.answerProlific();
            browser.page.navigate(
                    root
                            + "study/?study="
                            + SLUG
                            + "&PROLIFIC_PID=PID-"
                            + System.nanoTime()
                            + "&STUDY_ID=STUDY-1&SESSION_ID=SESSION-1");
            ParticipantPages pages = new ParticipantPages(browser);
            pages.consent();
            pages.instructions();
            pages.practice();
            List<Answer> answers = pages.answerTrials(0, E2eStudy.TRIALS, E2eStudy.TRIALS);

            pages.debrief().locator("#prolific-link").waitFor();
            browser.screenshot("participant-debrief-prolific");
            browser.page.waitForURL(E2eStudy.PROLIFIC_URL);
            assertEquals(E2eStudy.PROLIFIC_URL, browser.page.url());
            assertEquals(answers.size(), study.responses());
            assertEquals(List.of(), browser.consoleErrors());
        }
    }
}
