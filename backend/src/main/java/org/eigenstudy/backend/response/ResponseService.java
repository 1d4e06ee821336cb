package org.eigenstudy.backend.response;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.eigenstudy.backend.api.ApiException;
import org.eigenstudy.backend.participant.Assignment;
import org.eigenstudy.backend.participant.ParticipantSession;
import org.eigenstudy.backend.participant.SessionService;
import org.eigenstudy.backend.study.Trial;

/**
 * Records answers exactly once. The session row is locked for the duration, so two copies of the
 * same request (a retry racing the original) are handled one after the other: the second finds the
 * first and returns its result.
 */
@ApplicationScoped
public class ResponseService {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    /** The stored answer and whether this call created it. */
    public record Saved(ResponseResult result, boolean created) {}

    @Transactional
    public Saved save(String token, String clientResponseId, ResponseRequest request) {
        ParticipantSession session = SessionService.find(token, true);
        if (clientResponseId == null || !CLIENT_ID.matcher(clientResponseId).matches()) {
            throw ApiException.invalid(
                    "clientResponseId must be 8-64 characters of A-Z a-z 0-9 _ -",
                    "clientResponseId",
                    "format");
        }
        var existing = Response.findByClientId(session.id, clientResponseId);
        int total = (int) Assignment.countFor(session.id);
        if (existing.isPresent()) {
            // A retry of an answer that was already stored, perhaps after the session ended.
            ValidResponse retry = ValidResponse.of(request, total);
            if (!existing.get().bodySha256.equals(retry.fingerprint())) {
                throw ApiException.conflict(
                        "response id "
                                + clientResponseId
                                + " was already used for a different answer",
                        "idempotency-conflict");
            }
            return new Saved(result(session, existing.get(), retry.trialIndex(), total), false);
        }
        SessionService.requireActive(session);
        if (session.consentedAt == null) {
            throw ApiException.conflict("consent first", "consent-required");
        }
        ValidResponse answer = ValidResponse.of(request, total);
        Assignment assignment =
                Assignment.at(session.id, answer.trialIndex())
                        .orElseThrow(() -> ApiException.notFound("trial"));
        if (Response.findByAssignment(assignment.id).isPresent()) {
            throw ApiException.conflict(
                    "trial " + answer.trialIndex() + " is already answered", "already-answered");
        }
        Trial trial = Trial.findById(assignment.trialId);
        Response response = new Response();
        response.sessionId = session.id;
        response.assignmentId = assignment.id;
        response.clientResponseId = clientResponseId;
        response.bodySha256 = answer.fingerprint();
        response.changeSeen = answer.changeSeen();
        response.magnitude = answer.magnitude();
        response.description = answer.description();
        response.sharedCount = answer.sharedCount();
        response.consistency = answer.consistency();
        response.difficulty = answer.difficulty();
        response.responseTimeMs = answer.responseTimeMs();
        response.trialStartedAt = answer.trialStartedAt();
        response.clientTimestamp = answer.clientTimestamp();
        // Catch trials show no change, so "no change" is the right answer.
        response.catchPassed = trial.isCatch ? !answer.changeSeen() : null;
        response.receivedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        response.persist();
        return new Saved(result(session, response, answer.trialIndex(), total), true);
    }

    private static ResponseResult result(
            ParticipantSession session, Response response, int trialIndex, int total) {
        List<Integer> answeredPositions = answeredPositions(session.id);
        int next = 0;
        while (next < total && answeredPositions.contains(next)) {
            next++;
        }
        return new ResponseResult(
                response.clientResponseId,
                trialIndex,
                response.receivedAt.toInstant(),
                answeredPositions.size(),
                next,
                total);
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> answeredPositions(long sessionId) {
        return io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createNativeQuery(
                        "SELECT a.position FROM response r JOIN assignment a ON a.id ="
                                + " r.assignment_id WHERE r.session_id = ?1 ORDER BY a.position")
                .setParameter(1, sessionId)
                .getResultList()
                .stream()
                .map(n -> ((Number) n).intValue())
                .toList();
    }
}
