package org.eigenstudy.backend.participant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eigenstudy.backend.api.ApiException;
import org.eigenstudy.backend.crypto.Secrets;
import org.eigenstudy.backend.study.Study;

/** Starting, resuming, consenting to and finishing participant sessions. */
@ApplicationScoped
public class SessionService {

    @Inject TrialAssigner assigner;
    @Inject TrialViews views;

    /** The newest open version of {@code slug}: 404 if unknown, 409 if none is open. */
    public static Study openStudy(String slug) {
        return Study.findOpen(slug)
                .orElseThrow(
                        () ->
                                Study.findBySlug(slug).isEmpty()
                                        ? ApiException.notFound("study '" + slug + "'")
                                        : ApiException.conflict(
                                                "study '" + slug + "' is not open",
                                                "study-not-open"));
    }

    /**
     * Records the session and its trials and builds its view in one short transaction; starts of a
     * study do not wait for each other (see {@link TrialAssigner}).
     */
    @Transactional
    public SessionView start(StartSessionRequest request) {
        Arrival arrival = Arrival.of(request);
        String token = Secrets.token(32);
        Study study = openStudy(request.study());
        if (arrival.externalId() != null && !study.design.allowRepeat()) {
            ParticipantSession.lockParticipant(study.id, arrival.source(), arrival.externalId());
            if (ParticipantSession.participated(study.id, arrival.source(), arrival.externalId())) {
                throw ApiException.conflict("you have already taken part in this study", "repeat");
            }
        }
        ParticipantSession session = newSession(study, arrival, request.client(), token);
        List<Long> trialIds = assigner.assign(study, session.id);
        return view(study, session, views.forNewSession(study, trialIds), trialIds)
                .withToken(token);
    }

    private static ParticipantSession newSession(
            Study study, Arrival arrival, StartSessionRequest.ClientInfo client, String token) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ParticipantSession session = new ParticipantSession();
        session.studyId = study.id;
        session.tokenSha256 = Secrets.sha256Hex(token);
        session.source = arrival.source();
        session.externalId = arrival.externalId();
        session.assignmentId = arrival.assignmentId();
        session.hitId = arrival.hitId();
        session.turkSubmitTo = arrival.turkSubmitTo();
        session.prolificStudyId = arrival.prolificStudyId();
        session.prolificSessionId = arrival.prolificSessionId();
        if (client != null) {
            session.userAgent = client.userAgent();
            session.screenWidth = client.screenWidth();
            session.screenHeight = client.screenHeight();
            session.timeZone = client.timeZone();
            session.language = client.language();
        }
        session.state = "started";
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plusMinutes(study.design.sessionTimeoutMinutes());
        session.persist();
        return session;
    }

    /** The session of {@code token} or 404; {@code lock} serializes writes to one session. */
    public static ParticipantSession find(String token, boolean lock) {
        if (token == null || token.length() != 43) {
            throw ApiException.notFound("session");
        }
        return ParticipantSession.findByTokenHash(Secrets.sha256Hex(token), lock)
                .orElseThrow(() -> ApiException.notFound("session"));
    }

    /** Refuses writes to a finished or timed-out session (409). */
    public static void requireActive(ParticipantSession session) {
        requireActive(session.completed(), session.expired(OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /** Refuses writes to a finished or timed-out session (409). */
    public static void requireActive(boolean completed, boolean expired) {
        if (completed) {
            throw ApiException.conflict("this session is already finished", "finished");
        }
        if (expired) {
            throw ApiException.conflict(
                    "this session timed out; start again from the study link", "expired");
        }
    }

    @Transactional
    public SessionView view(String token) {
        ParticipantSession session = find(token, false);
        return view(Study.findById(session.studyId), session).withToken(token);
    }

    @Transactional
    public SessionView consent(String token, Boolean consent) {
        if (!Boolean.TRUE.equals(consent)) {
            throw ApiException.invalid("consent must be true to take part", "consent", "required");
        }
        ParticipantSession session = find(token, true);
        requireActive(session);
        if (session.consentedAt == null) {
            session.consentedAt = OffsetDateTime.now(ZoneOffset.UTC);
            session.state = "consented";
        }
        return view(Study.findById(session.studyId), session).withToken(token);
    }

    @Transactional
    public Completion finish(String token) {
        ParticipantSession session = find(token, true);
        Study study = Study.findById(session.studyId);
        if (session.completed()) {
            return completion(study, session);
        }
        requireActive(session);
        if (session.consentedAt == null) {
            throw ApiException.conflict("consent first", "consent-required");
        }
        long answered = org.eigenstudy.backend.response.Response.countFor(session.id);
        long total = Assignment.countFor(session.id);
        if (answered < total) {
            throw ApiException.conflict(
                    "answer every trial first (" + answered + " of " + total + " answered)",
                    "incomplete");
        }
        session.state = "completed";
        session.completedAt = OffsetDateTime.now(ZoneOffset.UTC);
        session.completionCode = study.completionCode;
        return completion(study, session);
    }

    private SessionView view(Study study, ParticipantSession session) {
        List<TrialView> trials = views.forSession(study, session.id);
        return view(study, session, trials, null);
    }

    /** {@code trialIds}: the session's trial ids when known, for its practice trial. */
    private SessionView view(
            Study study, ParticipantSession session, List<TrialView> trials, List<Long> trialIds) {
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
                study.design.practiceTrial()
                        ? views.example(
                                study,
                                trialIds != null
                                        ? Set.copyOf(trialIds)
                                        : Assignment.trialIdsOf(session.id))
                        : null;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return new SessionView(
                null,
                session.visibleState(now),
                session.source,
                StudySummary.of(study, trials.size()),
                session.consentedAt,
                trials.size(),
                answered,
                next,
                practice,
                trials,
                session.completed() ? completion(study, session) : null);
    }

    static Completion completion(Study study, ParticipantSession session) {
        String code = session.completionCode;
        return switch (session.source) {
            case "mturk" -> {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("assignmentId", session.assignmentId);
                fields.put("completionCode", code);
                yield new Completion(
                        "mturk",
                        code,
                        null,
                        new Completion.SubmitForm(
                                session.turkSubmitTo + "/mturk/externalSubmit", "POST", fields));
            }
            case "prolific" -> new Completion("prolific", code, prolificUrl(study, code), null);
            default -> new Completion("code", code, null, null);
        };
    }

    private static String prolificUrl(Study study, String code) {
        String encoded = URLEncoder.encode(code, StandardCharsets.UTF_8);
        if (study.prolificCompletionUrl == null || study.prolificCompletionUrl.isBlank()) {
            return "https://app.prolific.com/submissions/complete?cc=" + encoded;
        }
        if (study.prolificCompletionUrl.contains("cc=")) {
            return study.prolificCompletionUrl;
        }
        return study.prolificCompletionUrl
                + (study.prolificCompletionUrl.contains("?") ? "&" : "?")
                + "cc="
                + encoded;
    }
}
