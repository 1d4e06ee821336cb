package org.eigenstudy.backend.roster.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eigenstudy.backend.domain.Checks;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.roster.store.RosterStore;
import org.eigenstudy.backend.study.StudyRole;
import org.eigenstudy.backend.study.service.StudyAccess;
import org.eigenstudy.backend.study.service.StudyService;

/**
 * A study's participants table and exclusions. Every member sees the table with masked platform
 * ids; editors may ask for the ids themselves and exclude or re-include a session.
 */
@ApplicationScoped
public class RosterService {

    static final int MAX_REASON = 500;

    @Inject RosterStore store;
    @Inject StudyService studies;
    @Inject StudyAccess access;

    public List<RosterEntry> list(long studyId, boolean revealIds) {
        studies.require(studyId);
        if (revealIds) {
            access.require(studyId, StudyRole.EDITOR);
        }
        List<RosterEntry> entries = store.list(studyId);
        return revealIds
                ? entries
                : entries.stream()
                        .map(e -> e.withExternalId(ExternalIds.mask(e.externalId())))
                        .toList();
    }

    /** Excludes a session from the analysis; the reason is required and kept in the exports. */
    public RosterEntry exclude(long studyId, long sessionId, String reason) {
        access.require(studyId, StudyRole.EDITOR);
        Checks checks = new Checks();
        checks.requiredText("reason", reason, MAX_REASON);
        checks.throwIfAny();
        String by = access.caller().orElse("platform");
        if (!store.exclude(studyId, sessionId, reason.strip(), by)) {
            throw DomainException.notFound("participant session " + sessionId);
        }
        return entry(studyId, sessionId);
    }

    /** Counts a session in the analysis again. */
    public RosterEntry include(long studyId, long sessionId) {
        access.require(studyId, StudyRole.EDITOR);
        if (!store.include(studyId, sessionId)) {
            throw DomainException.notFound("participant session " + sessionId);
        }
        return entry(studyId, sessionId);
    }

    /** The changed session's row, masked: one row read, not the whole table. */
    private RosterEntry entry(long studyId, long sessionId) {
        RosterEntry e =
                store.entry(studyId, sessionId)
                        .orElseThrow(
                                () -> DomainException.notFound("participant session " + sessionId));
        return e.withExternalId(ExternalIds.mask(e.externalId()));
    }
}
