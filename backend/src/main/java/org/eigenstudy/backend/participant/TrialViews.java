package org.eigenstudy.backend.participant;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the trials a participant sees from the stored strips and frames. A catch trial shows, in
 * every position of a strip, the strip's unperturbed frame (the step closest to zero).
 *
 * <p>A study version's trials, strips and frames never change after import, so each study's views
 * are built once and kept; a session then costs one small query for its positions and answers.
 */
@ApplicationScoped
public class TrialViews {

    private static final String STUDY_FRAMES =
            """
            SELECT t.id, t.is_catch, st.reference_index, f.step, f.path
            FROM trial t
            JOIN strip st ON st.axis_id = t.axis_id
            JOIN frame f ON f.strip_id = st.id
            WHERE t.study_id = ?1
            ORDER BY t.id, st.reference_index, f.position
            """;

    /** Practice or example candidates: regular trials, in the order they are offered. */
    private static final String EXAMPLES =
            """
            SELECT t.id FROM trial t JOIN axis a ON a.id = t.axis_id
            WHERE t.study_id = ?1 AND NOT t.is_catch
            ORDER BY CASE a.axis_class WHEN 'top' THEN 0 WHEN 'orthogonal' THEN 1 ELSE 2 END,
                     a.rank, t.id
            """;

    private static final String SESSION_TRIALS =
            """
            SELECT asg.position, asg.trial_id, (r.id IS NOT NULL)
            FROM assignment asg
            LEFT JOIN response r ON r.assignment_id = asg.id
            WHERE asg.session_id = ?
            ORDER BY asg.position
            """;

    /** One study's strips per trial id, and its example candidates in order. */
    private record StudyTrials(Map<Long, List<TrialView.StripView>> strips, List<Long> examples) {}

    private final Map<Long, StudyTrials> studies = new ConcurrentHashMap<>();

    /** A session's trials as stored, with which are answered, and their trial ids. */
    public record SessionTrials(List<TrialView> views, Set<Long> trialIds) {}

    public SessionTrials forSession(Connection connection, StudyFacts study, long sessionId)
            throws SQLException {
        StudyTrials known = trialsOf(study);
        List<TrialView> trials = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(SESSION_TRIALS)) {
            query.setLong(1, sessionId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    long trialId = row.getLong(2);
                    ids.add(trialId);
                    trials.add(
                            new TrialView(
                                    row.getInt(1),
                                    row.getBoolean(3),
                                    known.strips().getOrDefault(trialId, List.of())));
                }
            }
        }
        return new SessionTrials(trials, ids);
    }

    /** The trials of a session just assigned {@code trialIds}, in that order, none answered. */
    public List<TrialView> forNewSession(StudyFacts study, List<Long> trialIds) {
        StudyTrials known = trialsOf(study);
        List<TrialView> trials = new ArrayList<>(trialIds.size());
        for (int position = 0; position < trialIds.size(); position++) {
            trials.add(
                    new TrialView(
                            position,
                            false,
                            known.strips().getOrDefault(trialIds.get(position), List.of())));
        }
        return trials;
    }

    /**
     * The practice trial of a session: the first regular trial (top axes first) not among {@code
     * sessionTrialIds}; with none given, the study's worked example.
     */
    public TrialView example(StudyFacts study, Collection<Long> sessionTrialIds) {
        StudyTrials known = trialsOf(study);
        for (Long id : known.examples()) {
            if (!sessionTrialIds.contains(id)) {
                List<TrialView.StripView> strips = known.strips().get(id);
                return strips == null ? null : new TrialView(0, false, strips);
            }
        }
        return null;
    }

    private StudyTrials trialsOf(StudyFacts study) {
        StudyTrials known = studies.get(study.id());
        if (known == null) {
            known = QuarkusTransaction.requiringNew().call(() -> load(study));
            studies.putIfAbsent(study.id(), known);
        }
        return known;
    }

    @SuppressWarnings("unchecked")
    private static StudyTrials load(StudyFacts study) {
        String base = "/stimuli/" + study.slug() + "/" + study.version() + "/";
        List<Object[]> rows =
                Panache.getEntityManager()
                        .createNativeQuery(STUDY_FRAMES)
                        .setParameter(1, study.id())
                        .getResultList();
        Map<Long, Map<Integer, List<Object[]>>> byTrial = new LinkedHashMap<>();
        Map<Long, Boolean> isCatch = new HashMap<>();
        for (Object[] row : rows) {
            long trial = ((Number) row[0]).longValue();
            byTrial.computeIfAbsent(trial, t -> new LinkedHashMap<>())
                    .computeIfAbsent(((Number) row[2]).intValue(), r -> new ArrayList<>())
                    .add(row);
            isCatch.put(trial, (Boolean) row[1]);
        }
        Map<Long, List<TrialView.StripView>> strips = new HashMap<>();
        byTrial.forEach(
                (trial, references) -> {
                    List<TrialView.StripView> views = new ArrayList<>();
                    references.forEach(
                            (reference, frames) ->
                                    views.add(
                                            new TrialView.StripView(
                                                    reference,
                                                    frames(base, frames, isCatch.get(trial)))));
                    strips.put(trial, List.copyOf(views));
                });
        List<Long> examples =
                ((List<Number>)
                                Panache.getEntityManager()
                                        .createNativeQuery(EXAMPLES)
                                        .setParameter(1, study.id())
                                        .getResultList())
                        .stream().map(Number::longValue).toList();
        return new StudyTrials(Map.copyOf(strips), examples);
    }

    private static List<TrialView.FrameView> frames(
            String base, List<Object[]> frames, boolean isCatch) {
        String still = null;
        double closest = Double.MAX_VALUE;
        for (Object[] frame : frames) {
            double step = Math.abs(((Number) frame[3]).doubleValue());
            if (step < closest) {
                closest = step;
                still = (String) frame[4];
            }
        }
        List<TrialView.FrameView> views = new ArrayList<>(frames.size());
        for (Object[] frame : frames) {
            String path = isCatch ? still : (String) frame[4];
            views.add(
                    new TrialView.FrameView(
                            ((Number) frame[3]).doubleValue(), base + encode(path)));
        }
        return List.copyOf(views);
    }

    private static String encode(String path) {
        StringBuilder encoded = new StringBuilder();
        for (String segment : path.split("/")) {
            if (encoded.length() > 0) {
                encoded.append('/');
            }
            encoded.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return encoded.toString();
    }
}
