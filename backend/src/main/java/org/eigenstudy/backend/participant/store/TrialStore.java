package org.eigenstudy.backend.participant.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.eigenstudy.studyconfig.model.ConfigEnum;
import org.jdbi.v3.core.Jdbi;

/**
 * The trials of a study and of a session: the fill of each condition cell, the assignments, and the
 * strips and frames the participant page shows. Runs in the caller's transaction.
 */
@ApplicationScoped
public class TrialStore {

    /** Counter rows per cell; also in V4__sharded_trial_fill.sql. */
    public static final int SHARDS = 16;

    /** The axis classes in study-config's order, for {@code array_position} in ORDER BY. */
    private static final String[] CLASS_ORDER =
            ConfigEnum.names(AxisClass.class).toArray(String[]::new);

    /** Every cell's fill and what {@code released} gives back, after the CTEs that define it. */
    private static final String FILL_PER_CELL =
            """
            fill AS (
                SELECT f.trial_id, sum(f.filled) AS filled
                FROM trial_fill f JOIN trial t ON t.id = f.trial_id
                WHERE t.study_id = :study
                GROUP BY f.trial_id)
            SELECT t.id, t.is_catch, t.axis_id, a.axis_class, COALESCE(f.filled, 0) AS filled,
                   COALESCE(r.n, 0) AS released
            FROM trial t
            JOIN axis a ON a.id = t.axis_id
            LEFT JOIN fill f ON f.trial_id = t.id
            LEFT JOIN released r ON r.trial_id = t.id
            WHERE t.study_id = :study
            """;

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
                    WHERE study_id = :study AND NOT fill_released
                      AND session_expired(state, expires_at)
                    FOR UPDATE SKIP LOCKED)
                  AND NOT s.fill_released
                RETURNING s.id),
            released AS (
                SELECT asg.trial_id, count(*) AS n
                FROM assignment asg JOIN gone ON gone.id = asg.session_id
                GROUP BY asg.trial_id),
            """
                    + FILL_PER_CELL;

    /**
     * The same cells as {@link #CELLS} reads, changing nothing: the timed-out sessions are counted
     * as released but not marked, so their fill is still given back by the next real start.
     */
    private static final String PEEK_CELLS =
            """
            WITH released AS (
                SELECT asg.trial_id, count(*) AS n
                FROM assignment asg JOIN participant_session s ON s.id = asg.session_id
                WHERE s.study_id = :study AND NOT s.fill_released
                  AND session_expired(s.state, s.expires_at)
                GROUP BY asg.trial_id),
            """
                    + FILL_PER_CELL;

    /**
     * One statement: the assignments, and the counter changes in the session's shard, in trial id
     * order so that two starts sharing a shard lock its rows in the same order.
     */
    private static final String RECORD =
            """
            WITH assigned AS (
                INSERT INTO assignment (session_id, position, trial_id)
                SELECT :session, a.position - 1, a.trial_id
                FROM unnest(:trials::bigint[]) WITH ORDINALITY AS a (trial_id, position)
                RETURNING 1),
            counted AS (
                INSERT INTO trial_fill (trial_id, shard, filled)
                SELECT c.trial_id, :shard, c.n
                FROM unnest(:changed::bigint[], :changes::bigint[]) AS c (trial_id, n)
                ORDER BY c.trial_id
                ON CONFLICT (trial_id, shard)
                DO UPDATE SET filled = trial_fill.filled + excluded.filled
                RETURNING 1)
            SELECT (SELECT count(*) FROM assigned) + (SELECT count(*) FROM counted)
            """;

    private static final String SESSION_TRIALS =
            """
            SELECT asg.position, asg.trial_id, (r.id IS NOT NULL) AS answered
            FROM assignment asg
            LEFT JOIN response r ON r.assignment_id = asg.id
            WHERE asg.session_id = :session
            ORDER BY asg.position
            """;

    private static final String STUDY_FRAMES =
            """
            SELECT t.id, t.is_catch, st.reference_index, f.step, f.path
            FROM trial t
            JOIN strip st ON st.axis_id = t.axis_id
            JOIN frame f ON f.strip_id = st.id
            WHERE t.study_id = :study
            ORDER BY t.id, st.reference_index, f.position
            """;

    /** Practice or example candidates: regular trials, in the order they are offered. */
    private static final String EXAMPLES =
            """
            SELECT t.id FROM trial t JOIN axis a ON a.id = t.axis_id
            WHERE t.study_id = :study AND NOT t.is_catch
            ORDER BY array_position(:classes::text[], a.axis_class), a.rank, t.id
            """;

    /** A condition cell (a trial): its stored fill and what timed-out sessions just gave back. */
    public record Cell(
            long trialId,
            boolean isCatch,
            long axisId,
            String axisClass,
            long filled,
            long released) {}

    /** One assigned trial of a session, at its position. */
    public record Assigned(int position, long trialId, boolean answered) {}

    /** One frame of one strip of a trial, in display order. */
    public record Frame(long trialId, boolean isCatch, int reference, double step, String path) {}

    @Inject Jdbi jdbi;

    /** Every cell of {@code studyId}, after releasing the sessions that timed out. */
    public List<Cell> cells(long studyId) {
        return cells(CELLS, studyId);
    }

    /** {@link #cells} without releasing anything: what a start would see now. */
    public List<Cell> peekCells(long studyId) {
        return cells(PEEK_CELLS, studyId);
    }

    private List<Cell> cells(String sql, long studyId) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(sql)
                                .bind("study", studyId)
                                .map(
                                        (row, context) ->
                                                new Cell(
                                                        row.getLong("id"),
                                                        row.getBoolean("is_catch"),
                                                        row.getLong("axis_id"),
                                                        row.getString("axis_class"),
                                                        row.getLong("filled"),
                                                        row.getLong("released")))
                                .list());
    }

    /**
     * Records {@code trials} (in presentation order) for the session and adds {@code changes[i]} to
     * the fill of {@code changed[i]} in the session's shard.
     */
    public void record(long sessionId, List<Long> trials, Long[] changed, Long[] changes) {
        jdbi.useHandle(
                handle ->
                        handle.createQuery(RECORD)
                                .bind("session", sessionId)
                                .bind("trials", trials.toArray(Long[]::new))
                                .bind("shard", sessionId % SHARDS)
                                .bind("changed", changed)
                                .bind("changes", changes)
                                .mapTo(Long.class)
                                .one());
    }

    /** A session's trials in position order, with whether each is answered. */
    public List<Assigned> sessionTrials(long sessionId) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(SESSION_TRIALS)
                                .bind("session", sessionId)
                                .map(
                                        (row, context) ->
                                                new Assigned(
                                                        row.getInt("position"),
                                                        row.getLong("trial_id"),
                                                        row.getBoolean("answered")))
                                .list());
    }

    /** Every frame of every trial of a study, by trial, strip and position. */
    public List<Frame> frames(long studyId) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(STUDY_FRAMES)
                                .bind("study", studyId)
                                .map(
                                        (row, context) ->
                                                new Frame(
                                                        row.getLong("id"),
                                                        row.getBoolean("is_catch"),
                                                        row.getInt("reference_index"),
                                                        row.getDouble("step"),
                                                        row.getString("path")))
                                .list());
    }

    /** The regular trials of a study in example order: axis class (study-config's), rank, id. */
    public List<Long> exampleCandidates(long studyId) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(EXAMPLES)
                                .bind("study", studyId)
                                .bind("classes", CLASS_ORDER)
                                .mapTo(Long.class)
                                .list());
    }
}
