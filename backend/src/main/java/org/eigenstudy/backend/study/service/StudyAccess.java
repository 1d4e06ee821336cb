package org.eigenstudy.backend.study.service;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.domain.DomainException.Kind;
import org.eigenstudy.backend.researcher.Roles;
import org.eigenstudy.backend.study.StudyRole;
import org.eigenstudy.backend.study.store.StudyMemberStore;

/**
 * Who may do what with a study, decided here once: admins everything; a researcher what their role
 * in the study allows (viewer reads, editor changes, owner also manages the members); nobody else
 * anything. A study the caller takes no part in answers 404, as if it did not exist, so ids reveal
 * nothing; a member whose role falls short gets 403. The platform's own calls (startup, no
 * researcher) pass. Every researcher endpoint on a study reaches its study through {@link
 * StudyService}, which asks here.
 */
@ApplicationScoped
public class StudyAccess {

    @Inject StudyMemberStore members;
    @Inject SecurityIdentity identity;

    /** The researcher of the current request; empty for the platform's own calls. */
    public Optional<String> caller() {
        if (!Arc.container().requestContext().isActive() || identity.isAnonymous()) {
            return Optional.empty();
        }
        return Optional.of(identity.getPrincipal().getName());
    }

    /** Refuses unless the caller may act on study {@code studyId} as {@code needed}. */
    public void require(long studyId, StudyRole needed) {
        if (unrestricted()) {
            return;
        }
        StudyRole role =
                members.role(studyId, caller().orElseThrow())
                        .orElseThrow(() -> DomainException.notFound("study " + studyId));
        if (!role.allows(needed)) {
            throw new DomainException(
                    Kind.FORBIDDEN,
                    "you are "
                            + article(role)
                            + " of this study; this needs "
                            + article(needed)
                            + " (ask its owner)",
                    null,
                    "study-role");
        }
    }

    /** The studies the caller sees; empty means all (an admin, or the platform itself). */
    public Optional<Set<Long>> visible() {
        if (unrestricted()) {
            return Optional.empty();
        }
        return Optional.of(caller().map(members::studiesOf).orElse(Set.of()));
    }

    /**
     * Admins, and the platform's own calls: outside any request (startup) or without a researcher
     * (every researcher endpoint is {@code @RolesAllowed}, so an anonymous caller here is the
     * platform itself, or a participant path, which only reaches what participants may see).
     */
    private boolean unrestricted() {
        return caller().isEmpty() || identity.hasRole(Roles.ADMIN);
    }

    private static String article(StudyRole role) {
        return (role == StudyRole.VIEWER ? "a " : "an ") + role.dbValue();
    }
}
