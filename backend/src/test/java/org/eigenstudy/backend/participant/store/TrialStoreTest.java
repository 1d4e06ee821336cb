package org.eigenstudy.backend.participant.store;

import static org.eigenstudy.backend.testing.TestApi.start;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.eigenstudy.studyconfig.manifest.Sha256;
import org.junit.jupiter.api.Test;

/** An unfinished session past its timeout stops filling its cells; a completed one never does. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class TrialStoreTest {

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
                Sha256.of(a),
                Sha256.of(b));
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
                        Sha256.of(first)));
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

    /**
     * Starts that run at the same time each release what timed out, but every session gives its
     * cells back once: each cell's fill (summed over its counter shards) equals the number of live
     * sessions assigned to it, counted from the assignments themselves.
     */
    @Test
    void concurrentStartsReleaseEachTimedOutSessionOnce() throws Exception {
        String slug = "timed-out-race";
        String researcher = TestApi.tokenFor("timed-out-race-researcher", "researcher");
        TestApi.importAndOpen(
                researcher, StudyFixture.create(slug, 4, StudyFixture.Design.standard()));
        List<String> expired = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            expired.add(start(Map.of("study", slug)).statusCode(201).extract().path("token"));
        }
        start(Map.of("study", slug)).statusCode(201);
        for (String token : expired) {
            Db.update(
                    "UPDATE participant_session SET expires_at = now() - interval '1 minute'"
                            + " WHERE token_sha256 = ?",
                    Sha256.of(token));
        }
        ExecutorService starts = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(
                    starts.submit(
                            () -> {
                                go.await();
                                return start(Map.of("study", slug)).extract().statusCode();
                            }));
        }
        go.countDown();
        for (Future<Integer> status : statuses) {
            assertEquals(201, status.get(60, TimeUnit.SECONDS));
        }
        starts.shutdown();
        assertEquals(
                3,
                Db.count(
                        "SELECT count(*) FROM participant_session s JOIN study st ON"
                                + " st.id = s.study_id WHERE st.slug = ? AND s.fill_released",
                        slug));
        // Cells whose fill differs from their live assignments: none.
        assertEquals(
                0,
                Db.count(
                        "SELECT count(*) FROM trial t JOIN study st ON st.id = t.study_id"
                                + " WHERE st.slug = ?"
                                + " AND (SELECT COALESCE(sum(filled), 0) FROM trial_fill f"
                                + "      WHERE f.trial_id = t.id)"
                                + "  <> (SELECT count(*) FROM assignment a JOIN participant_session s"
                                + "      ON s.id = a.session_id"
                                + "      WHERE a.trial_id = t.id AND NOT s.fill_released)",
                        slug));
        assertEquals(
                9 * 7,
                Db.count(
                        "SELECT sum(filled) FROM trial_fill f JOIN trial t ON t.id = f.trial_id"
                                + " JOIN study st ON st.id = t.study_id WHERE st.slug = ?",
                        slug));
    }
}
