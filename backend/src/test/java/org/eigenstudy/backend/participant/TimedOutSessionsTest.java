package org.eigenstudy.backend.participant;

import static org.eigenstudy.backend.testing.TestApi.start;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.eigenstudy.backend.crypto.Secrets;
import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

/** An unfinished session past its timeout stops filling its cells; a completed one never does. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class TimedOutSessionsTest {

    static final String SLUG = "timed-out";

    /** Regular trials of session {@code a} that session {@code b} also got. */
    private static long shared(String a, String b) {
        return Db.count(
                "SELECT count(*) FROM assignment x JOIN assignment y ON y.trial_id = x.trial_id"
                        + " JOIN trial t ON t.id = x.trial_id"
                        + " WHERE NOT t.is_catch"
                        + " AND x.session_id = (SELECT id FROM participant_session WHERE"
                        + " token_sha256 = ?)"
                        + " AND y.session_id = (SELECT id FROM participant_session WHERE"
                        + " token_sha256 = ?)",
                Secrets.sha256Hex(a),
                Secrets.sha256Hex(b));
    }

    private static String startPlain() {
        return start(Map.of("study", SLUG)).statusCode(201).extract().path("token");
    }

    @Test
    void cellsOfATimedOutSessionGoToTheNextParticipant() {
        String researcher = TestApi.tokenFor("timed-out-researcher", "researcher");
        // 4 axes per class = 12 regular cells, 6 per participant: two sessions fill each cell once.
        TestApi.importAndOpen(
                researcher, StudyFixture.create(SLUG, 4, StudyFixture.Design.standard()));
        String first = startPlain();
        String second = startPlain();
        assertEquals(0, shared(first, second));

        assertEquals(
                1,
                Db.update(
                        "UPDATE participant_session SET expires_at = now() - interval '1 minute'"
                                + " WHERE token_sha256 = ?",
                        Secrets.sha256Hex(first)));
        String third = startPlain();
        // The first session's 6 cells are the only ones left at fill 0.
        assertEquals(6, shared(first, third));
        assertEquals(0, shared(second, third));
        // Two live sessions, 6 regular cells each.
        assertEquals(
                12,
                Db.count(
                        "SELECT sum(filled) FROM trial_fill f JOIN trial t ON t.id = f.trial_id"
                                + " JOIN study s ON s.id = t.study_id"
                                + " WHERE s.slug = ? AND NOT t.is_catch",
                        SLUG));
    }
}
