package org.eigenstudy.backend.participant.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eigenstudy.backend.participant.store.TrialStore;

/**
 * Builds the trials a participant sees from the stored strips and frames. A catch trial shows, in
 * every position of a strip, the strip's unperturbed frame (the step closest to zero).
 *
 * <p>A study version's trials, strips and frames never change after import, so each study's views
 * are built once and kept; a session then costs one small query for its positions and answers.
 */
@ApplicationScoped
public class TrialViews {

    @Inject TrialStore store;

    /** One study's strips per trial id, and its example candidates in order. */
    private record StudyTrials(Map<Long, List<TrialView.StripView>> strips, List<Long> examples) {}

    /** A frame as stored: its step along the axis and its path under the study's stimuli. */
    private record StoredFrame(double step, String path) {}

    private final Map<Long, StudyTrials> studies = new ConcurrentHashMap<>();

    /** A session's trials as stored, with which are answered, and their trial ids. */
    public record SessionTrials(List<TrialView> views, Set<Long> trialIds) {}

    public SessionTrials forSession(StudyFacts study, long sessionId) {
        StudyTrials known = trialsOf(study);
        List<TrialView> trials = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (TrialStore.Assigned assigned : store.sessionTrials(sessionId)) {
            ids.add(assigned.trialId());
            trials.add(
                    new TrialView(
                            assigned.position(),
                            assigned.answered(),
                            known.strips().getOrDefault(assigned.trialId(), List.of())));
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

    /**
     * Loads in the caller's transaction, so on its connection: a second one from the pool could
     * deadlock under load.
     */
    private StudyTrials trialsOf(StudyFacts study) {
        StudyTrials known = studies.get(study.id());
        if (known == null) {
            known = load(study);
            studies.putIfAbsent(study.id(), known);
        }
        return known;
    }

    private StudyTrials load(StudyFacts study) {
        String base = "/stimuli/" + study.slug() + "/" + study.version() + "/";
        Map<Long, Map<Integer, List<StoredFrame>>> byTrial = new LinkedHashMap<>();
        Map<Long, Boolean> isCatch = new HashMap<>();
        for (TrialStore.Frame frame : store.frames(study.id())) {
            byTrial.computeIfAbsent(frame.trialId(), t -> new LinkedHashMap<>())
                    .computeIfAbsent(frame.reference(), r -> new ArrayList<>())
                    .add(new StoredFrame(frame.step(), frame.path()));
            isCatch.put(frame.trialId(), frame.isCatch());
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
        return new StudyTrials(
                Map.copyOf(strips), List.copyOf(store.exampleCandidates(study.id())));
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
