package org.eigenstudy.browser;

import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;

/**
 * The study every browser test runs: the backend's own test fixture (PNG strips and a manifest with
 * real checksums), imported and opened through the researcher API, plus the storage checks.
 */
final class E2eStudy {

    static final int TRIALS = 3;
    static final String COMPLETION_CODE = "E2E-DONE-42";
    static final String PROLIFIC_URL =
            "https://app.prolific.com/submissions/complete?cc=" + COMPLETION_CODE;

    final String slug;
    final long id;

    private E2eStudy(String slug, long id) {
        this.slug = slug;
        this.id = id;
    }

    static E2eStudy importAndOpen(String slug) {
        return importAndOpen(slug, "e2e-importer");
    }

    /** Imported by {@code owner} (a researcher account, created if needed), who owns it. */
    static E2eStudy importAndOpen(String slug, String owner) {
        return new E2eStudy(slug, TestApi.importAndOpen(importer(owner), fixture(slug)));
    }

    /**
     * The same study left a draft, owned by {@code owner}, for the tests that take it through its
     * life.
     */
    static E2eStudy importDraft(String slug, String owner) {
        return new E2eStudy(slug, TestApi.importDraft(importer(owner), fixture(slug)));
    }

    private static StudyFixture fixture(String slug) {
        return StudyFixture.create(
                slug,
                2,
                new StudyFixture.Design(TRIALS, 0, false, 60, COMPLETION_CODE, PROLIFIC_URL));
    }

    private static String importer(String owner) {
        return TestApi.tokenFor(owner, "researcher");
    }

    long sessions() {
        return Db.sessions(slug);
    }

    long responses() {
        return Db.responses(slug);
    }

    /** How many different trial positions have a stored response. */
    long answeredPositions() {
        return Db.count(
                "SELECT count(DISTINCT a.position) FROM response r"
                        + " JOIN assignment a ON a.id = r.assignment_id"
                        + " JOIN participant_session s ON s.id = r.session_id"
                        + " JOIN study st ON st.id = s.study_id WHERE st.slug = ?",
                slug);
    }
}
