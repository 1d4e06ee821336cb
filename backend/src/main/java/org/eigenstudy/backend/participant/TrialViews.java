package org.eigenstudy.backend.participant;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eigenstudy.backend.study.Study;

/**
 * Builds the trials a participant sees from the stored strips and frames. A catch trial shows, in
 * every position of a strip, the strip's unperturbed frame (the step closest to zero).
 */
@ApplicationScoped
public class TrialViews {

    private static final String SESSION_TRIALS =
            """
            SELECT asg.position, t.is_catch, st.reference_index, f.position, f.step, f.path,
                   (r.id IS NOT NULL)
            FROM assignment asg
            JOIN trial t ON t.id = asg.trial_id
            JOIN strip st ON st.axis_id = t.axis_id
            JOIN frame f ON f.strip_id = st.id
            LEFT JOIN response r ON r.assignment_id = asg.id
            WHERE asg.session_id = ?1
            ORDER BY asg.position, st.reference_index, f.position
            """;

    private static final String ONE_TRIAL =
            """
            SELECT 0, t.is_catch, st.reference_index, f.position, f.step, f.path, FALSE
            FROM trial t
            JOIN strip st ON st.axis_id = t.axis_id
            JOIN frame f ON f.strip_id = st.id
            WHERE t.id = ?1
            ORDER BY st.reference_index, f.position
            """;

    /** A practice or example trial: a regular trial not among {@code sessionId}'s, if any. */
    private static final String EXAMPLE_TRIAL =
            """
            SELECT t.id FROM trial t JOIN axis a ON a.id = t.axis_id
            WHERE t.study_id = ?1 AND NOT t.is_catch
              AND t.id NOT IN (SELECT trial_id FROM assignment WHERE session_id = ?2)
            ORDER BY CASE a.axis_class WHEN 'top' THEN 0 WHEN 'orthogonal' THEN 1 ELSE 2 END,
                     a.rank, t.id
            LIMIT 1
            """;

    public List<TrialView> forSession(Study study, long sessionId) {
        return build(study, rows(SESSION_TRIALS, sessionId));
    }

    /** The practice trial of a session, or the worked example of a study when sessionId is -1. */
    public TrialView example(Study study, long sessionId) {
        @SuppressWarnings("unchecked")
        List<Number> ids =
                Panache.getEntityManager()
                        .createNativeQuery(EXAMPLE_TRIAL)
                        .setParameter(1, study.id)
                        .setParameter(2, sessionId)
                        .getResultList();
        if (ids.isEmpty()) {
            return null;
        }
        List<TrialView> trials = build(study, rows(ONE_TRIAL, ids.get(0).longValue()));
        return trials.isEmpty() ? null : trials.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(String sql, long id) {
        return Panache.getEntityManager()
                .createNativeQuery(sql)
                .setParameter(1, id)
                .getResultList();
    }

    private static List<TrialView> build(Study study, List<Object[]> rows) {
        String base = "/stimuli/" + study.slug + "/" + study.version + "/";
        Map<Integer, Map<Integer, List<Object[]>>> byTrial = new LinkedHashMap<>();
        Map<Integer, Boolean> answered = new LinkedHashMap<>();
        Map<Integer, Boolean> isCatch = new LinkedHashMap<>();
        for (Object[] row : rows) {
            int position = ((Number) row[0]).intValue();
            int reference = ((Number) row[2]).intValue();
            byTrial.computeIfAbsent(position, p -> new LinkedHashMap<>())
                    .computeIfAbsent(reference, r -> new ArrayList<>())
                    .add(row);
            answered.put(position, (Boolean) row[6]);
            isCatch.put(position, (Boolean) row[1]);
        }
        List<TrialView> trials = new ArrayList<>();
        byTrial.forEach(
                (position, strips) -> {
                    List<TrialView.StripView> stripViews = new ArrayList<>();
                    strips.forEach(
                            (reference, frames) ->
                                    stripViews.add(
                                            new TrialView.StripView(
                                                    reference,
                                                    frames(base, frames, isCatch.get(position)))));
                    trials.add(new TrialView(position, answered.get(position), stripViews));
                });
        return trials;
    }

    private static List<TrialView.FrameView> frames(
            String base, List<Object[]> frames, boolean isCatch) {
        String still = null;
        double closest = Double.MAX_VALUE;
        for (Object[] frame : frames) {
            double step = Math.abs(((Number) frame[4]).doubleValue());
            if (step < closest) {
                closest = step;
                still = (String) frame[5];
            }
        }
        List<TrialView.FrameView> views = new ArrayList<>(frames.size());
        for (Object[] frame : frames) {
            String path = isCatch ? still : (String) frame[5];
            views.add(
                    new TrialView.FrameView(
                            ((Number) frame[4]).doubleValue(), base + encode(path)));
        }
        return views;
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
