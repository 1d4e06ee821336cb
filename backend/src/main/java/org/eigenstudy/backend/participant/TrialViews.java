package org.eigenstudy.backend.participant;

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
            WHERE t.study_id = ?
            ORDER BY t.id, st.reference_index, f.position
            """;

    /** Practice or example candidates: regular trials, in the order they are offered. */
    private static final String EXAMPLES =
            """
            SELECT t.id FROM trial t JOIN axis a ON a.id = t.axis_id
            WHERE t.study_id = ? AND NOT t.is_catch
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

    /** A frame as stored: its step along the axis and its path under the study's stimuli. */
    private record StoredFrame(double step, String path) {}

    private final Map<Long, StudyTrials> studies = new ConcurrentHashMap<>();

    /** A session's trials as stored, with which are answered, and their trial ids. */
    public record SessionTrials(List<TrialView> views, Set<Long> trialIds) {}

    public SessionTrials forSession(Connection connection, StudyFacts study, long sessionId)
            throws SQLException {
        StudyTrials known = trialsOf(connection, study);
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
    public List<TrialView> forNewSession(
            Connection connection, StudyFacts study, List<Long> trialIds) throws SQLException {
        StudyTrials known = trialsOf(connection, study);
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
    public TrialView example(
            Connection connection, StudyFacts study, Collection<Long> sessionTrialIds)
            throws SQLException {
        StudyTrials known = trialsOf(connection, study);
        for (Long id : known.examples()) {
            if (!sessionTrialIds.contains(id)) {
                List<TrialView.StripView> strips = known.strips().get(id);
                return strips == null ? null : new TrialView(0, false, strips);
            }
        }
        return null;
    }

    /** Loads on the caller's connection: a second one from the pool could deadlock under load. */
    private StudyTrials trialsOf(Connection connection, StudyFacts study) throws SQLException {
        StudyTrials known = studies.get(study.id());
        if (known == null) {
            known = load(connection, study);
            studies.putIfAbsent(study.id(), known);
        }
        return known;
    }

    private static StudyTrials load(Connection connection, StudyFacts study) throws SQLException {
        String base = "/stimuli/" + study.slug() + "/" + study.version() + "/";
        Map<Long, Map<Integer, List<StoredFrame>>> byTrial = new LinkedHashMap<>();
        Map<Long, Boolean> isCatch = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(STUDY_FRAMES)) {
            query.setLong(1, study.id());
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    long trial = row.getLong(1);
                    byTrial.computeIfAbsent(trial, t -> new LinkedHashMap<>())
                            .computeIfAbsent(row.getInt(3), r -> new ArrayList<>())
                            .add(new StoredFrame(row.getDouble(4), row.getString(5)));
                    isCatch.put(trial, row.getBoolean(2));
                }
            }
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
        List<Long> examples = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(EXAMPLES)) {
            query.setLong(1, study.id());
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    examples.add(row.getLong(1));
                }
            }
        }
        return new StudyTrials(Map.copyOf(strips), List.copyOf(examples));
    }

    private static List<TrialView.FrameView> frames(
            String base, List<StoredFrame> frames, boolean isCatch) {
        String still = null;
        double closest = Double.MAX_VALUE;
        for (StoredFrame frame : frames) {
            double step = Math.abs(frame.step());
            if (step < closest) {
                closest = step;
                still = frame.path();
            }
        }
        List<TrialView.FrameView> views = new ArrayList<>(frames.size());
        for (StoredFrame frame : frames) {
            String path = isCatch ? still : frame.path();
            views.add(new TrialView.FrameView(frame.step(), base + encode(path)));
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
