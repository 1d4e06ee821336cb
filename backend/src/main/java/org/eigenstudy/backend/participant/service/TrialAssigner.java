package org.eigenstudy.backend.participant.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eigenstudy.backend.participant.store.TrialStore;
import org.eigenstudy.backend.participant.store.TrialStore.Cell;
import org.eigenstudy.backend.study.StudyDesign;

/**
 * Gives a new session its trials: the least-filled condition cells first (a cell is filled by
 * completed sessions and by unfinished ones still within the timeout), ties broken at random, plus
 * catch trials on other axes.
 *
 * <p>Starts of one study run concurrently: no lock, and each start writes its counts to one of
 * {@link TrialStore#SHARDS} counter rows per cell (see V4__sharded_trial_fill.sql). A start does
 * not see the starts still in flight beside it, so the cells stay balanced within the number of
 * starts in flight at once (within one when starts do not overlap): a cell is only chosen when no
 * unchosen cell looked less filled, and what the chooser could not see is at most the other starts
 * in flight.
 */
@ApplicationScoped
public class TrialAssigner {

    private final Random random = new SecureRandom();

    @Inject TrialStore store;

    /**
     * Picks trial ids in presentation order for {@code sessionId}, records them and counts them in
     * their cells, in the caller's transaction.
     */
    public List<Long> assign(StudyFacts study, long sessionId) {
        List<Cell> stored = store.cells(study.id());
        List<Long> trials = choose(study, current(stored));
        // The counters still hold what the just released sessions filled: take it off here, and
        // from the counters in the same statement that records this session's trials.
        SortedMap<Long, Long> change = new TreeMap<>();
        for (Cell cell : stored) {
            if (cell.released() > 0) {
                change.put(cell.trialId(), -cell.released());
            }
        }
        trials.forEach(trial -> change.merge(trial, 1L, Long::sum));
        change.values().removeIf(n -> n == 0);
        if (!trials.isEmpty() || !change.isEmpty()) {
            store.record(
                    sessionId,
                    trials,
                    change.keySet().toArray(Long[]::new),
                    change.values().toArray(Long[]::new));
        }
        return trials;
    }

    /**
     * The trials a session started now would get, in presentation order, drawn exactly as {@link
     * #assign} draws them but recorded nowhere: for a researcher's preview.
     */
    public List<Long> preview(StudyFacts study) {
        return choose(study, current(store.peekCells(study.id())));
    }

    /** The cells with what just released sessions filled taken off. */
    private static List<Cell> current(List<Cell> stored) {
        List<Cell> cells = new ArrayList<>(stored.size());
        for (Cell cell : stored) {
            cells.add(
                    new Cell(
                            cell.trialId(),
                            cell.isCatch(),
                            cell.axisId(),
                            cell.axisClass(),
                            cell.filled() - cell.released(),
                            0));
        }
        return cells;
    }

    /** The least-filled regular cells in the design's order, catch trials placed at random. */
    private List<Long> choose(StudyFacts study, List<Cell> cells) {
        StudyDesign design = study.design();
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
