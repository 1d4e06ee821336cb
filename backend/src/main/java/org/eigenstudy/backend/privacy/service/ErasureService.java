package org.eigenstudy.backend.privacy.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eigenstudy.backend.domain.Checks;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.privacy.store.PrivacyStore;
import org.eigenstudy.backend.study.StudyRole;
import org.eigenstudy.backend.study.service.StudyAccess;
import org.eigenstudy.backend.study.service.StudyService;

/**
 * Deleting a participant's data: by the participant themselves with their withdrawal code, or by an
 * editor of the study with the participant's platform id or that code. Either way the sessions go
 * with everything recorded in them, and only the deletion log remembers that they existed.
 */
@ApplicationScoped
public class ErasureService {

    /** The log's actor for a participant's own withdrawal. */
    static final String PARTICIPANT = "participant";

    @Inject PrivacyStore store;
    @Inject WithdrawalCodes codes;
    @Inject StudyService studies;
    @Inject StudyAccess access;

    /** A participant withdraws: their session is deleted. An unknown code is 404. */
    public Deletion withdraw(String code) {
        long session = codes.session(code).orElseThrow(ErasureService::noSuchCode);
        long study = store.studyOfSession(session).orElseThrow(ErasureService::noSuchCode);
        return store.delete(study, List.of(session), PARTICIPANT, "withdrawal-code");
    }

    /**
     * An editor deletes a participant's sessions in {@code studyId}, named by exactly one of {@code
     * externalId} (every session with it) and {@code withdrawalCode}.
     */
    public Deletion delete(long studyId, String externalId, String withdrawalCode) {
        access.require(studyId, StudyRole.EDITOR);
        studies.require(studyId);
        boolean byId = externalId != null && !externalId.isBlank();
        boolean byCode = withdrawalCode != null && !withdrawalCode.isBlank();
        if (byId == byCode) {
            throw DomainException.invalid(
                    "name the participant by exactly one of externalId and withdrawalCode",
                    byId ? "withdrawalCode" : "externalId",
                    "one-of");
        }
        Checks checks = new Checks();
        checks.text("externalId", externalId, 200);
        checks.throwIfAny();
        List<Long> sessions =
                byId
                        ? store.sessionsOf(studyId, externalId.strip())
                        : codes.session(withdrawalCode)
                                .filter(s -> store.studyOfSession(s).orElse(-1L) == studyId)
                                .map(List::of)
                                .orElse(List.of());
        if (sessions.isEmpty()) {
            throw DomainException.notFound(
                    byId
                            ? "participant with this id in study " + studyId
                            : "participant with this withdrawal code in study " + studyId);
        }
        return store.delete(
                studyId,
                sessions,
                access.caller().orElse("platform"),
                byId ? "external-id" : "withdrawal-code");
    }

    public List<Deletion> log(long studyId) {
        studies.require(studyId);
        return store.log(studyId);
    }

    private static DomainException noSuchCode() {
        return DomainException.notFound("withdrawal code");
    }
}
