package org.eigenstudy.backend.response.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.participant.service.SessionStatus;
import org.eigenstudy.backend.participant.service.SessionToken;
import org.eigenstudy.backend.response.store.ResponseStore;
import org.eigenstudy.backend.response.store.ResponseStore.Inserted;
import org.eigenstudy.backend.response.store.ResponseStore.Session;
import org.eigenstudy.backend.response.store.ResponseStore.Stored;

/**
 * Records answers exactly once, in as few statements as the rules allow: a well-formed answer to an
 * active session is one statement that finds the session by its token's hash, inserts the answer
 * and reads the answered positions. Anything else (a retry, an error) takes the careful path: find
 * the session, then decide. The unique keys decide races: a retry racing its original inserts
 * nothing and finds the original, so both get the same result.
 *
 * <p>Deliberately not {@code @Transactional}: every statement commits on its own (auto-commit), so
 * the answer path costs no BEGIN/COMMIT round trip; this is the participant path the load harness
 * measures (docs/reliability.md).
 */
@ApplicationScoped
public class ResponseService {

    @Inject ResponseStore store;

    /** The stored answer and whether this call created it. */
    public record Saved(ResponseResult result, boolean created) {}

    public Saved save(String token, String clientResponseId, ResponseRequest request) {
        ValidResponse wellFormed = ResponseValidator.wellFormed(token, clientResponseId, request);
        if (wellFormed != null) {
            Optional<Inserted> inserted =
                    store.insert(SessionToken.hash(token), clientResponseId, wellFormed);
            if (inserted.isPresent() && inserted.get().receivedAt() != null) {
                return created(clientResponseId, wellFormed, inserted.get());
            }
        }
        return saveCarefully(token, clientResponseId, request);
    }

    /** Checks in the API's order: unknown session (404), client id (422), state (409), fields. */
    private Saved saveCarefully(String token, String clientResponseId, ResponseRequest request) {
        if (!SessionToken.wellFormed(token)) {
            throw DomainException.notFound("session");
        }
        String tokenHash = SessionToken.hash(token);
        Session session =
                store.session(tokenHash).orElseThrow(() -> DomainException.notFound("session"));
        ResponseValidator.requireClientId(clientResponseId);
        if (session.status() != SessionStatus.CONSENTED) {
            return inactive(session, session.status(), clientResponseId, request);
        }
        ValidResponse answer = ResponseValidator.validate(request, session.total());
        Inserted inserted =
                store.insert(tokenHash, clientResponseId, answer)
                        .orElseThrow(() -> DomainException.notFound("session"));
        if (inserted.receivedAt() != null) {
            return created(clientResponseId, answer, inserted);
        }
        Optional<Stored> existing = store.byClientId(session.id(), clientResponseId);
        if (existing.isPresent()) {
            return retry(existing.get(), request, clientResponseId, session.total());
        }
        if (!inserted.active()) {
            // It ended (timed out) between the two statements.
            return inactive(session, SessionStatus.ABANDONED, clientResponseId, request);
        }
        throw DomainException.conflict(
                "trial " + answer.trialIndex() + " is already answered", "already-answered");
    }

    /** A session that takes no answers: perhaps a retry of one stored before it ended. */
    private Saved inactive(
            Session session,
            SessionStatus status,
            String clientResponseId,
            ResponseRequest request) {
        Optional<Stored> existing = store.byClientId(session.id(), clientResponseId);
        if (existing.isPresent()) {
            return retry(existing.get(), request, clientResponseId, session.total());
        }
        status.requireActive();
        throw DomainException.conflict("consent first", "consent-required");
    }

    /** A retry stores nothing and answers what the original got, if it is the same answer. */
    private static Saved retry(
            Stored existing, ResponseRequest request, String clientResponseId, int total) {
        ValidResponse retry = ResponseValidator.validate(request, total);
        if (!existing.fingerprint().equals(retry.fingerprint())) {
            throw DomainException.conflict(
                    "response id " + clientResponseId + " was already used for a different answer",
                    "idempotency-conflict");
        }
        return new Saved(
                result(
                        clientResponseId,
                        retry.trialIndex(),
                        existing.receivedAt(),
                        existing.answered(),
                        total),
                false);
    }

    /** The reply to a newly stored answer: the positions answered before it, plus its own. */
    private static Saved created(String clientResponseId, ValidResponse answer, Inserted inserted) {
        List<Integer> answered = inserted.answered();
        answered.add(answer.trialIndex());
        return new Saved(
                result(
                        clientResponseId,
                        answer.trialIndex(),
                        inserted.receivedAt(),
                        answered,
                        inserted.total()),
                true);
    }

    private static ResponseResult result(
            String clientResponseId,
            int trialIndex,
            Instant receivedAt,
            List<Integer> answered,
            int total) {
        int next = 0;
        while (next < total && answered.contains(next)) {
            next++;
        }
        return new ResponseResult(
                clientResponseId, trialIndex, receivedAt, answered.size(), next, total);
    }
}
