package org.eigenstudy.backend.participant;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import org.eigenstudy.backend.study.Study;
import org.eigenstudy.backend.study.StudyDesign;

/**
 * Gives a new session its trials: the least-filled condition cells first (a cell is filled by
 * completed sessions and by unfinished ones still within the timeout), ties broken at random, plus
 * catch trials on other axes. Starts of one study take a transaction-scoped advisory lock, so
 * concurrent starts see each other's assignments and stay balanced within one; the lock is held
 * only for the few statements below, not for the start's reply, and other studies never wait.
 */
@ApplicationScoped
public class TrialAssigner {

    private static final String LOCK =
            "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1)) AS start_lock";

    /**
     * The cells with their fill, after sessions that timed out unfinished give their cells back
     * (once). The data-modifying CTEs run whether or not the query reads them; the query itself
     * sees the counters as they were, hence the subtraction.
     */
    private static final String CELLS =
            """
            WITH gone AS (
                UPDATE participant_session SET fill_released = TRUE
                WHERE study_id = ?1 AND state <> 'completed' AND NOT fill_released
                  AND expires_at <= now()
                RETURNING id),
            released AS (
                SELECT asg.trial_id, count(*) AS n
                FROM assignment asg JOIN gone ON gone.id = asg.session_id
                GROUP BY asg.trial_id),
            given_back AS (
                UPDATE trial_fill f SET filled = f.filled - r.n
                FROM released r WHERE f.trial_id = r.trial_id
                RETURNING f.trial_id)
            SELECT t.id, t.is_catch, t.axis_id, a.axis_class,
                   COALESCE(f.filled, 0) - COALESCE(r.n, 0)
            FROM trial t
            JOIN axis a ON a.id = t.axis_id
            LEFT JOIN trial_fill f ON f.trial_id = t.id
            LEFT JOIN released r ON r.trial_id = t.id
            WHERE t.study_id = ?1
            """;

    private final Random random = new SecureRandom();

    record Cell(long trialId, boolean isCatch, long axisId, String axisClass, long filled) {}

    /** Serializes the starts of {@code studyId} until the calling transaction ends. */
    public void lockStarts(long studyId) {
        Panache.getEntityManager()
                .createNativeQuery(LOCK)
                .setParameter(1, studyId)
                .getSingleResult();
    }

    /**
     * Picks trial ids in presentation order for {@code sessionId}, records them and counts them in
     * their cells. The caller holds {@link #lockStarts}.
     */
    public List<Long> assign(Study study, long sessionId) {
        List<Cell> cells = cells(study.id);
        StudyDesign design = study.design;
        List<Cell> regular = leastFilled(cells, false, design.trialsPerParticipant(), Set.of());
        Set<Long> usedAxes = new HashSet<>();
        regular.forEach(c -> usedAxes.add(c.axisId()));
        List<Cell> catches = leastFilled(cells, true, design.catchTrials(), usedAxes);
        List<Cell> ordered = order(regular, design);
        for (Cell catchTrial : catches) {
            ordered.add(random.nextInt(ordered.size() + 1), catchTrial);
        }
        List<Long> trials = ordered.stream().map(Cell::trialId).toList();
        if (!trials.isEmpty()) {
            record(sessionId, trials);
        }
        return trials;
    }

    /** One statement whatever the number of trials; the values are ids read from the database. */
    private static void record(long sessionId, List<Long> trials) {
        StringJoiner values = new StringJoiner(", ");
        for (int position = 0; position < trials.size(); position++) {
            values.add("(" + sessionId + ", " + position + ", " + trials.get(position) + ")");
        }
        Panache.getEntityManager()
                .createNativeQuery(
                        "WITH assigned AS (INSERT INTO assignment (session_id, position, trial_id)"
                                + " VALUES "
                                + values
                                + " RETURNING trial_id)"
                                + " INSERT INTO trial_fill (trial_id, filled)"
                                + " SELECT trial_id, 1 FROM assigned"
                                + " ON CONFLICT (trial_id) DO UPDATE SET filled = trial_fill.filled + 1")
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static List<Cell> cells(long studyId) {
        List<Object[]> rows =
                Panache.getEntityManager()
                        .createNativeQuery(CELLS)
                        .setParameter(1, studyId)
                        .getResultList();
        List<Cell> cells = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            cells.add(
                    new Cell(
                            ((Number) row[0]).longValue(),
                            (Boolean) row[1],
                            ((Number) row[2]).longValue(),
                            (String) row[3],
                            ((Number) row[4]).longValue()));
        }
        return cells;
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
