package org.eigenstudy.backend.participant.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.participant.store.SessionRow;
import org.eigenstudy.backend.participant.store.SessionStore;
import org.eigenstudy.backend.participant.store.SessionTransaction;
import org.eigenstudy.backend.privacy.service.WithdrawalCodes;
import org.eigenstudy.backend.study.service.StudyService;
import org.eigenstudy.backend.texts.ConsentText;

/**
 * Starting, resuming, consenting to and finishing participant sessions. Each is one short
 * transaction of a few plain statements ({@link SessionStore}, all on one connection: {@link
 * SessionTransaction} says why it is not JTA's); the study's fixed facts and its trials' strips
 * come from memory ({@link StudyCatalog}, {@link TrialViews}).
 */
@ApplicationScoped
public class SessionService {

    /** The token of a researcher's preview, which names no session. */
    public static final String PREVIEW_TOKEN = "preview";

    @Inject TrialAssigner assigner;
    @Inject TrialViews views;
    @Inject StudyCatalog studies;
    @Inject SessionStore store;
    @Inject SessionTransaction transaction;
    @Inject StudyService researcherStudies;
    @Inject WithdrawalCodes withdrawalCodes;

    /** A started session, or the existing one of the same assignment ({@code created} false). */
    public record Started(SessionView view, boolean created) {}

    /**
     * Records the session and its trials and builds its view in one short transaction; starts of a
     * study do not wait for each other (see {@link TrialAssigner}). An MTurk assignment or Prolific
     * session that already has a session here gets that one back under a new token (docs/api.md,
     * "Continuing from another browser"), unless it timed out unfinished.
     */
    public Started start(StartSessionRequest request) {
        if (request == null) {
            throw DomainException.invalid("request body is required", null, "required");
        }
        Arrival arrival = Arrival.of(request);
        String token = SessionToken.create();
        return transaction.in(() -> start(request, arrival, token));
    }

    private Started start(StartSessionRequest request, Arrival arrival, String token) {
        String tokenHash = SessionToken.hash(token);
        StudyFacts study = studies.open(request.study());
        if (arrival.externalId() != null) {
            store.lockParticipant(study.id(), arrival);
            SessionRow earlier = store.findByIdentity(study.id(), arrival).orElse(null);
            if (earlier != null && earlier.status() != SessionStatus.ABANDONED) {
                store.addToken(earlier.id(), tokenHash);
                return new Started(view(earlier).withToken(token), false);
            }
            if (repeatRefused(study, arrival.source(), arrival.externalId())) {
                throw DomainException.conflict(
                        "you have already taken part in this study", "repeat");
            }
        }
        Integer cap = study.design().maxParticipants();
        if (cap != null && store.takingPartLocked(study.id()) >= cap) {
            throw DomainException.conflict(
                    "this study has all the participants it needs; thank you for your interest",
                    "full");
        }
        SessionRow session =
                store.insert(
                        study.id(),
                        study.design().sessionTimeoutMinutes(),
                        tokenHash,
                        arrival,
                        request.client());
        List<Long> trialIds = assigner.assign(study, session.id());
        SessionView view =
                view(study, session, views.forNewSession(study, trialIds), Set.copyOf(trialIds));
        return new Started(view.withToken(token), true);
    }

    /** A new start of this participant in {@code study} is a repeat the study does not allow. */
    private boolean repeatRefused(StudyFacts study, String source, String externalId) {
        return !study.design().allowRepeat() && store.participated(study.id(), source, externalId);
    }

    /**
     * Whether {@code POST /sessions} with this session's parameters would start a new session now:
     * a version of its study is open and, for an MTurk worker or Prolific participant, taking part
     * again is not a refused repeat there. The page of a timed-out session offers exactly what the
     * start would allow, so the participant never fills in something that is then refused.
     */
    private boolean canStartAgain(StudyFacts study, SessionRow session) {
        Optional<StudyFacts> open = studies.findOpen(study.slug());
        if (open.isEmpty()) {
            return false;
        }
        return session.externalId() == null
                || !repeatRefused(open.get(), session.source(), session.externalId());
    }

    /** The session of {@code token} or 404; {@code lock} serializes writes to one session. */
    private SessionRow find(String token, boolean lock) {
        if (!SessionToken.wellFormed(token)) {
            throw DomainException.notFound("session");
        }
        return store.find(SessionToken.hash(token), lock)
                .orElseThrow(() -> DomainException.notFound("session"));
    }

    /**
     * What a participant starting {@code studyId} now would get, for its researcher to try out in
     * any state, draft included: trials drawn as a start draws them, the practice trial, the
     * study's texts; but no session, no assignment and no counter is written. Its token {@code
     * preview} is no credential: the page answers and finishes it locally.
     */
    public SessionView preview(long studyId) {
        researcherStudies.require(studyId); // only who may view the study previews it
        return transaction.in(
                () -> {
                    StudyFacts study = studies.facts(studyId);
                    List<Long> trialIds = assigner.preview(study);
                    List<TrialView> trials = views.forNewSession(study, trialIds);
                    TrialView practice =
                            study.design().practiceTrial()
                                    ? views.example(study, Set.copyOf(trialIds))
                                    : null;
                    return new SessionView(
                            PREVIEW_TOKEN,
                            SessionStatus.STARTED.label(),
                            "link",
                            StudySummary.of(study, PREVIEW_TOKEN, trials.size()),
                            null,
                            trials.size(),
                            0,
                            0,
                            practice,
                            trials,
                            null,
                            null,
                            false);
                });
    }

    public SessionView view(String token) {
        return transaction.in(() -> view(find(token, false)).withToken(token));
    }

    public SessionView consent(String token, Boolean consent) {
        if (!Boolean.TRUE.equals(consent)) {
            throw DomainException.invalid(
                    "consent must be true to take part", "consent", "required");
        }
        return transaction.in(
                () -> {
                    SessionRow session = find(token, true);
                    session.status().requireActive();
                    String version =
                            ConsentText.version(studies.facts(session.studyId()).consent());
                    return view(store.consent(session, version)).withToken(token);
                });
    }

    public Completion finish(String token) {
        return transaction.in(() -> finishNow(token));
    }

    private Completion finishNow(String token) {
        SessionRow session = find(token, true);
        StudyFacts study = studies.facts(session.studyId());
        if (session.status() == SessionStatus.COMPLETED) {
            return Completions.of(study, session, withdrawalCodes.of(session.id()));
        }
        session.status().requireActive();
        if (session.consentedAt() == null) {
            throw DomainException.conflict("consent first", "consent-required");
        }
        SessionStore.Answered progress = store.answered(session.id());
        if (progress.answered() < progress.total()) {
            throw DomainException.conflict(
                    "answer every trial first ("
                            + progress.answered()
                            + " of "
                            + progress.total()
                            + " answered)",
                    "incomplete");
        }
        return Completions.of(
                study,
                store.complete(session, study.completionCode()),
                withdrawalCodes.of(session.id()));
    }

    private SessionView view(SessionRow session) {
        StudyFacts study = studies.facts(session.studyId());
        TrialViews.SessionTrials trials = views.forSession(study, session.id());
        return view(study, session, trials.views(), trials.trialIds());
    }

    private SessionView view(
            StudyFacts study, SessionRow session, List<TrialView> trials, Set<Long> trialIds) {
        int answered = 0;
        int next = trials.size();
        for (TrialView trial : trials) {
            if (trial.answered()) {
                answered++;
            } else if (next == trials.size()) {
                next = trial.index();
            }
        }
        TrialView practice = study.design().practiceTrial() ? views.example(study, trialIds) : null;
        boolean completed = session.status() == SessionStatus.COMPLETED;
        return new SessionView(
                null,
                session.status().label(),
                session.source(),
                StudySummary.of(study, session.studyState(), trials.size()),
                session.consentedAt(),
                trials.size(),
                answered,
                next,
                practice,
                trials,
                completed ? Completions.of(study, session, withdrawalCodes.of(session.id())) : null,
                completed ? null : session.expiresAt(),
                session.status() == SessionStatus.ABANDONED && canStartAgain(study, session));
    }
}
