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
import org.eigenstudy.backend.study.Study;
import org.eigenstudy.backend.study.StudyDesign;

/**
 * Gives a new session its trials: the least-filled condition cells first (a cell is filled by
 * completed sessions and by unfinished ones still within the timeout), ties broken at random, plus
 * catch trials on other axes. The caller holds the study's row lock, so concurrent starts see each
 * other's assignments and stay balanced within one.
 */
@ApplicationScoped
public class TrialAssigner {

    private static final String FILL =
            """
            SELECT t.id, t.is_catch, a.id, a.axis_class,
                   COUNT(s.id) AS filled
            FROM trial t
            JOIN axis a ON a.id = t.axis_id
            LEFT JOIN assignment asg ON asg.trial_id = t.id
            LEFT JOIN participant_session s ON s.id = asg.session_id
                 AND (s.state = 'completed' OR s.expires_at > now())
            WHERE t.study_id = ?1
            GROUP BY t.id, t.is_catch, a.id, a.axis_class
            """;

    private final Random random = new SecureRandom();

    record Cell(long trialId, boolean isCatch, long axisId, String axisClass, long filled) {}

    /** Trial ids in presentation order. */
    public List<Long> assign(Study study) {
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
        return ordered.stream().map(Cell::trialId).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Cell> cells(long studyId) {
        List<Object[]> rows =
                Panache.getEntityManager()
                        .createNativeQuery(FILL)
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
