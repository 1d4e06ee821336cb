package org.eigenstudy.backend.participant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eigenstudy.backend.crypto.Secrets;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.studyconfig.manifest.Sha256;

/**
 * Starting, resuming, consenting to and finishing participant sessions. Each is one short
 * transaction of a few plain statements ({@link SessionStore}); the study's fixed facts and its
 * trials' strips come from memory ({@link StudyCatalog}, {@link TrialViews}).
 */
@ApplicationScoped
public class SessionService {

    @Inject TrialAssigner assigner;
    @Inject TrialViews views;
    @Inject StudyCatalog studies;
    @Inject SessionStore store;

    /** A started session, or the existing one of the same assignment ({@code created} false). */
    public record Started(SessionView view, boolean created) {}

    /**
     * Records the session and its trials and builds its view in one short transaction; starts of a
     * study do not wait for each other (see {@link TrialAssigner}). An MTurk assignment or Prolific
     * session that already has a session here gets that one back under a new token (docs/api.md,
     * "Continuing from another browser"), unless it timed out unfinished.
     */
    public Started start(StartSessionRequest request) {
        Arrival arrival = Arrival.of(request);
        String token = Secrets.token(32);
        String tokenHash = Sha256.of(token);
        return store.run(
                connection -> {
                    StudyFacts study = studies.open(connection, request.study());
                    if (arrival.externalId() != null) {
                        store.lockParticipant(connection, study.id(), arrival);
                        SessionRow earlier =
                                store.findByIdentity(connection, study.id(), arrival).orElse(null);
                        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                        if (earlier != null && !earlier.expired(now)) {
                            store.addToken(connection, earlier.id(), tokenHash);
                            return new Started(view(connection, earlier).withToken(token), false);
                        }
                        if (repeatRefused(connection, study, arrival)) {
                            throw DomainException.conflict(
                                    "you have already taken part in this study", "repeat");
                        }
                    }
                    SessionRow session =
                            store.insert(connection, study, tokenHash, arrival, request.client());
                    List<Long> trialIds = assigner.assign(connection, study, session.id());
                    SessionView view =
                            view(
                                    connection,
                                    study,
                                    session,
                                    views.forNewSession(connection, study, trialIds),
                                    Set.copyOf(trialIds));
                    return new Started(view.withToken(token), true);
                });
    }

    /** A new start of {@code arrival} in {@code study} is a repeat the study does not allow. */
    private boolean repeatRefused(Connection connection, StudyFacts study, Arrival arrival)
            throws SQLException {
        return !study.design().allowRepeat() && store.participated(connection, study.id(), arrival);
    }

    /**
     * Whether {@code POST /sessions} with this session's parameters would start a new session now:
     * a version of its study is open and, for an MTurk worker or Prolific participant, taking part
     * again is not a refused repeat there. The page of a timed-out session offers exactly what the
     * start would allow, so the participant never fills in something that is then refused.
     */
    private boolean canStartAgain(Connection connection, StudyFacts study, SessionRow session)
            throws SQLException {
        Optional<StudyFacts> open = studies.findOpen(connection, study.slug());
        if (open.isEmpty()) {
            return false;
        }
        if (session.externalId() == null) {
            return true;
        }
        Arrival again =
                new Arrival(session.source(), session.externalId(), null, null, null, null, null);
        return !repeatRefused(connection, open.get(), again);
    }

    /** The session of {@code token} or 404; {@code lock} serializes writes to one session. */
    private SessionRow find(Connection connection, String token, boolean lock) throws SQLException {
        if (token == null || token.length() != 43) {
            throw DomainException.notFound("session");
        }
        return store.find(connection, Sha256.of(token), lock)
                .orElseThrow(() -> DomainException.notFound("session"));
    }

    /** Refuses writes to a finished or timed-out session (409). */
    public static void requireActive(boolean completed, boolean expired) {
        if (completed) {
            throw DomainException.conflict("this session is already finished", "finished");
        }
        if (expired) {
            throw DomainException.conflict(
                    "this session timed out; start again from the study link", "expired");
        }
    }

    private static void requireActive(SessionRow session) {
        requireActive(session.completed(), session.expired(OffsetDateTime.now(ZoneOffset.UTC)));
    }

    public SessionView view(String token) {
        return store.run(connection -> view(connection, find(connection, token, false)))
                .withToken(token);
    }

    public SessionView consent(String token, Boolean consent) {
        if (!Boolean.TRUE.equals(consent)) {
            throw DomainException.invalid(
                    "consent must be true to take part", "consent", "required");
        }
        return store.run(
                        connection -> {
                            SessionRow session = find(connection, token, true);
                            requireActive(session);
                            return view(connection, store.consent(connection, session));
                        })
                .withToken(token);
    }

    public Completion finish(String token) {
        return store.run(
                connection -> {
                    SessionRow session = find(connection, token, true);
                    StudyFacts study = studies.facts(connection, session.studyId());
                    if (session.completed()) {
                        return completion(study, session);
                    }
                    requireActive(session);
                    if (session.consentedAt() == null) {
                        throw DomainException.conflict("consent first", "consent-required");
                    }
                    long[] progress = store.progress(connection, session.id());
                    if (progress[0] < progress[1]) {
                        throw DomainException.conflict(
                                "answer every trial first ("
                                        + progress[0]
                                        + " of "
                                        + progress[1]
                                        + " answered)",
                                "incomplete");
                    }
                    return completion(
                            study, store.complete(connection, session, study.completionCode()));
                });
    }

    private SessionView view(Connection connection, SessionRow session) throws SQLException {
        StudyFacts study = studies.facts(connection, session.studyId());
        TrialViews.SessionTrials trials = views.forSession(connection, study, session.id());
        return view(connection, study, session, trials.views(), trials.trialIds());
    }

    private SessionView view(
            Connection connection,
            StudyFacts study,
            SessionRow session,
            List<TrialView> trials,
            Set<Long> trialIds)
            throws SQLException {
        int answered = 0;
        int next = trials.size();
        for (TrialView trial : trials) {
            if (trial.answered()) {
                answered++;
            } else if (next == trials.size()) {
                next = trial.index();
            }
        }
        TrialView practice =
                study.design().practiceTrial() ? views.example(connection, study, trialIds) : null;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean expired = session.expired(now);
        return new SessionView(
                null,
                session.visibleState(now),
                session.source(),
                StudySummary.of(study, session.studyState(), trials.size()),
                session.consentedAt(),
                trials.size(),
                answered,
                next,
                practice,
                trials,
                session.completed() ? completion(study, session) : null,
                session.completed() ? null : session.expiresAt(),
                expired && canStartAgain(connection, study, session));
    }

    static Completion completion(StudyFacts study, SessionRow session) {
        String code = session.completionCode();
        return switch (session.source()) {
            case "mturk" -> {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("assignmentId", session.assignmentId());
                fields.put("completionCode", code);
                yield new Completion(
                        "mturk",
                        code,
                        null,
                        new Completion.SubmitForm(
                                session.turkSubmitTo() + "/mturk/externalSubmit", "POST", fields));
            }
            case "prolific" -> new Completion("prolific", code, prolificUrl(study, code), null);
            default -> new Completion("code", code, null, null);
        };
    }

    private static String prolificUrl(StudyFacts study, String code) {
        String encoded = URLEncoder.encode(code, StandardCharsets.UTF_8);
        String url = study.prolificCompletionUrl();
        if (url == null || url.isBlank()) {
            return "https://app.prolific.com/submissions/complete?cc=" + encoded;
        }
        if (url.contains("cc=")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "cc=" + encoded;
    }
}
