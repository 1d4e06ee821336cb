package org.eigenstudy.backend.participant;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eigenstudy.backend.study.StudyDesign;

/**
 * Gives a new session its trials: the least-filled condition cells first (a cell is filled by
 * completed sessions and by unfinished ones still within the timeout), ties broken at random, plus
 * catch trials on other axes.
 *
 * <p>Starts of one study run concurrently: no lock, and each start writes its counts to one of
 * {@link #SHARDS} counter rows per cell (see V4__sharded_trial_fill.sql). A start does not see the
 * starts still in flight beside it, so the cells stay balanced within the number of starts in
 * flight at once (within one when starts do not overlap): a cell is only chosen when no unchosen
 * cell looked less filled, and what the chooser could not see is at most the other starts in
 * flight.
 */
@ApplicationScoped
public class TrialAssigner {

    /** Counter rows per cell; also in V4__sharded_trial_fill.sql. */
    static final int SHARDS = 16;

    /**
     * Releases the sessions that timed out unfinished (each once: a session another start is
     * releasing is skipped, not waited for) and reads every cell's fill with what they give back.
     * The data-modifying CTE runs whether or not the query reads it; the counters are read as they
     * were, so the caller subtracts the released counts.
     */
    private static final String CELLS =
            """
            WITH gone AS (
                UPDATE participant_session s SET fill_released = TRUE
                WHERE s.id IN (
                    SELECT id FROM participant_session
                    WHERE study_id = ? AND state <> 'completed' AND NOT fill_released
                      AND expires_at <= now()
                    FOR UPDATE SKIP LOCKED)
                  AND NOT s.fill_released
                RETURNING s.id),
            released AS (
                SELECT asg.trial_id, count(*) AS n
                FROM assignment asg JOIN gone ON gone.id = asg.session_id
                GROUP BY asg.trial_id),
            fill AS (
                SELECT f.trial_id, sum(f.filled) AS filled
                FROM trial_fill f JOIN trial t ON t.id = f.trial_id
                WHERE t.study_id = ?
                GROUP BY f.trial_id)
            SELECT t.id, t.is_catch, t.axis_id, a.axis_class, COALESCE(f.filled, 0),
                   COALESCE(r.n, 0)
            FROM trial t
            JOIN axis a ON a.id = t.axis_id
            LEFT JOIN fill f ON f.trial_id = t.id
            LEFT JOIN released r ON r.trial_id = t.id
            WHERE t.study_id = ?
            """;

    private final Random random = new SecureRandom();

    record Cell(long trialId, boolean isCatch, long axisId, String axisClass, long filled) {}

    /** What {@link #cells} read: the cells, and how many released sessions each gives back. */
    private record Fill(List<Cell> cells, Map<Long, Long> released) {}

    /**
     * One statement: the assignments, and the counter changes (+1 per assigned cell, minus what
     * released sessions give back) in the session's shard, in trial id order so that two starts
     * sharing a shard lock its rows in the same order.
     */
    private static final String RECORD =
            """
            WITH assigned AS (
                INSERT INTO assignment (session_id, position, trial_id)
                SELECT ?, a.position - 1, a.trial_id
                FROM unnest(?::bigint[]) WITH ORDINALITY AS a (trial_id, position)
                RETURNING 1),
            counted AS (
                INSERT INTO trial_fill (trial_id, shard, filled)
                SELECT c.trial_id, ?, c.n
                FROM unnest(?::bigint[], ?::bigint[]) AS c (trial_id, n)
                ORDER BY c.trial_id
                ON CONFLICT (trial_id, shard)
                DO UPDATE SET filled = trial_fill.filled + excluded.filled
                RETURNING 1)
            SELECT (SELECT count(*) FROM assigned), (SELECT count(*) FROM counted)
            """;

    /**
     * Picks trial ids in presentation order for {@code sessionId}, records them and counts them in
     * their cells, in the caller's transaction.
     */
    public List<Long> assign(Connection connection, StudyFacts study, long sessionId)
            throws SQLException {
        Fill fill = cells(connection, study.id());
        List<Cell> cells = fill.cells();
        StudyDesign design = study.design();
        List<Cell> regular = leastFilled(cells, false, design.trialsPerParticipant(), Set.of());
        Set<Long> usedAxes = new HashSet<>();
        regular.forEach(c -> usedAxes.add(c.axisId()));
        List<Cell> catches = leastFilled(cells, true, design.catchTrials(), usedAxes);
        List<Cell> ordered = order(regular, design);
        for (Cell catchTrial : catches) {
            ordered.add(random.nextInt(ordered.size() + 1), catchTrial);
        }
        List<Long> trials = ordered.stream().map(Cell::trialId).toList();
        record(connection, sessionId, trials, fill.released());
        return trials;
    }

    private static void record(
            Connection connection, long sessionId, List<Long> trials, Map<Long, Long> released)
            throws SQLException {
        SortedMap<Long, Long> change = new TreeMap<>();
        released.forEach((trial, n) -> change.merge(trial, -n, Long::sum));
        trials.forEach(trial -> change.merge(trial, 1L, Long::sum));
        change.values().removeIf(n -> n == 0);
        if (trials.isEmpty() && change.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(RECORD)) {
            insert.setLong(1, sessionId);
            insert.setArray(2, connection.createArrayOf("bigint", trials.toArray()));
            insert.setLong(3, sessionId % SHARDS);
            insert.setArray(4, connection.createArrayOf("bigint", change.keySet().toArray()));
            insert.setArray(5, connection.createArrayOf("bigint", change.values().toArray()));
            insert.executeQuery().close();
        }
    }

    private static Fill cells(Connection connection, long studyId) throws SQLException {
        List<Cell> cells = new ArrayList<>();
        Map<Long, Long> released = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(CELLS)) {
            query.setLong(1, studyId);
            query.setLong(2, studyId);
            query.setLong(3, studyId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    long trialId = row.getLong(1);
                    long givenBack = row.getLong(6);
                    if (givenBack > 0) {
                        released.put(trialId, givenBack);
                    }
                    cells.add(
                            new Cell(
                                    trialId,
                                    row.getBoolean(2),
                                    row.getLong(3),
                                    row.getString(4),
                                    row.getLong(5) - givenBack));
                }
            }
        }
        return new Fill(cells, released);
    }

    /** Prefers cells on axes not in {@code avoidAxes}, then the least filled, ties at random. */
    private List<Cell> leastFilled(
            List<Cell> cells, boolean isCatch, int count, Set<Long> avoidAxes) {
        List<Cell> candidates = new ArrayList<>();
        for (Cell cell : cells) {
            if (cell.isCatch() == isCatch) {
                candidates.add(cell);
            }
        }
        Collections.shuffle(candidates, random);
        candidates.sort(
                Comparator.comparing((Cell c) -> avoidAxes.contains(c.axisId()))
                        .thenComparingLong(Cell::filled));
        return new ArrayList<>(candidates.subList(0, Math.min(count, candidates.size())));
    }

    private List<Cell> order(List<Cell> regular, StudyDesign design) {
        List<Cell> ordered = new ArrayList<>(regular);
        Collections.shuffle(ordered, random);
        if ("blocked".equals(design.ordering())) {
            List<String> classes = design.axisClasses();
            ordered.sort(Comparator.comparingInt(c -> classes.indexOf(c.axisClass())));
        }
        return ordered;
    }
}
