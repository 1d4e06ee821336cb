package org.eigenstudy.backend.participant.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.participant.store.StudyStore;

/**
 * The studies participants reach. Everything but a study's state is fixed at import, so each
 * version's {@link StudyFacts} are read once and kept; which version is open is always asked.
 */
@ApplicationScoped
public class StudyCatalog {

    @Inject StudyStore store;

    private final Map<Long, StudyFacts> facts = new ConcurrentHashMap<>();

    /** The newest open version of {@code slug}: 404 if unknown, 409 if none is open. */
    public StudyFacts open(String slug) {
        Optional<StudyFacts> open = findOpen(slug);
        if (open.isPresent()) {
            return open.get();
        }
        if (!store.exists(slug)) {
            throw DomainException.notFound("study '" + slug + "'");
        }
        throw DomainException.conflict("study '" + slug + "' is not open", "study-not-open");
    }

    /** The newest open version of {@code slug}, if any. */
    public Optional<StudyFacts> findOpen(String slug) {
        return store.openVersion(slug).map(this::facts);
    }

    /**
     * Loads in the caller's transaction, so on its connection: a second one from the pool could
     * deadlock under load.
     */
    public StudyFacts facts(long studyId) {
        StudyFacts known = facts.get(studyId);
        if (known == null) {
            known =
                    store.facts(studyId)
                            .orElseThrow(() -> DomainException.notFound("study " + studyId));
            facts.putIfAbsent(studyId, known);
        }
        return known;
    }
}
