package org.eigenstudy.backend.study.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.study.StudyRole;
import org.eigenstudy.backend.study.StudyState;
import org.eigenstudy.backend.study.store.StudyMemberStore;
import org.eigenstudy.backend.study.store.StudyStimuliStore;
import org.eigenstudy.backend.study.store.StudyStore;

/**
 * Study life cycle (draft → pilot → open → closed, reopen), the researcher's view and lookups for
 * other concerns.
 */
@ApplicationScoped
public class StudyService {

    @Inject StudyStore studies;
    @Inject StudyStimuliStore stimuli;
    @Inject StudyAccess access;
    @Inject StudyMemberStore members;

    /** The studies the caller takes part in (an admin: all). */
    @Transactional
    public List<StudyView> list() {
        Optional<Set<Long>> visible = access.visible();
        return studies.listNewestFirst().stream()
                .filter(s -> visible.map(ids -> ids.contains(s.id())).orElse(true))
                .map(s -> StudyView.of(s, null))
                .toList();
    }

    @Transactional
    public StudyView get(long id) {
        Study study = require(id);
        return StudyView.of(study, models(study.id()));
    }

    /**
     * Pilots a draft: the participant link works and every session started now is marked pilot
     * (left out of the analysis by default, never counted against the cap). Like opening, it closes
     * the slug's version participants reach now.
     */
    @Transactional
    public StudyView pilot(long id) {
        access.require(id, StudyRole.EDITOR);
        Study study = locked(id);
        if (study.state() == StudyState.PILOT) {
            return StudyView.of(study, null);
        }
        if (study.state() != StudyState.DRAFT) {
            throw DomainException.conflict(
                    "only a draft can be piloted; this study is " + study.state().dbValue(),
                    "state");
        }
        studies.closeReachableVersions(study.slug(), id, OffsetDateTime.now(ZoneOffset.UTC));
        studies.pilot(id);
        return StudyView.of(require(id), null);
    }

    /**
     * Opens a draft or a pilot, or reopens a closed study as the same version (its responses so far
     * stay with it). Only one version of a slug is reachable at a time: opening one closes the
     * version participants reach now, so the participant link always leads to the newest opened.
     */
    @Transactional
    public StudyView open(long id) {
        access.require(id, StudyRole.EDITOR);
        Study study = locked(id);
        if (study.state() == StudyState.OPEN) {
            return StudyView.of(study, null);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        studies.closeReachableVersions(study.slug(), id, now);
        studies.open(id, now);
        return StudyView.of(require(id), null);
    }

    /** Closes an open or piloted study: nobody new can start it, and its data are kept. */
    @Transactional
    public StudyView close(long id) {
        access.require(id, StudyRole.EDITOR);
        Study study = locked(id);
        if (!study.state().reachable()) {
            throw DomainException.conflict("only an open or piloted study can be closed", "state");
        }
        studies.close(id, OffsetDateTime.now(ZoneOffset.UTC));
        return StudyView.of(require(id), null);
    }

    /**
     * Deletes a draft: it was never open, so no participant has seen it and nothing is lost but the
     * import (its stimuli folder on the server is left as it is). Open and closed studies hold
     * participants' data and are kept: 409.
     */
    @Transactional
    public void deleteDraft(long id) {
        access.require(id, StudyRole.EDITOR);
        Study study = locked(id);
        if (study.state() != StudyState.DRAFT) {
            throw DomainException.conflict(
                    "only a draft can be deleted; this study is "
                            + study.state().dbValue()
                            + " and its participants' data are kept",
                    "state");
        }
        studies.deleteDraft(id);
    }

    /** The config text the study was imported from. */
    @Transactional
    public String configYaml(long id) {
        access.require(id, StudyRole.VIEWER);
        return studies.configYaml(id).orElseThrow(() -> DomainException.notFound("study " + id));
    }

    /**
     * The study with this id, for a caller who may view it (every researcher endpoint on a study
     * comes through here); not found otherwise.
     */
    @Transactional
    public Study require(long id) {
        access.require(id, StudyRole.VIEWER);
        return studies.byId(id, false).orElseThrow(() -> DomainException.notFound("study " + id));
    }

    /** A study version by slug and number. */
    @Transactional
    public Optional<Study> version(String slug, int version) {
        return studies.byVersion(slug, version);
    }

    /** The study's models, by model key. */
    @Transactional
    public List<StudyModel> models(Study study) {
        return stimuli.models(study.id());
    }

    /** The imported frame at {@code path}, if the import stored one. */
    @Transactional
    public Optional<StimulusFrame> frame(Study study, String path) {
        return stimuli.frame(study.id(), path);
    }

    /** The study's members, owners first. */
    @Transactional
    public List<StudyMember> members(long id) {
        require(id);
        return members.members(id);
    }

    /**
     * Gives {@code username} a role in the study (owners only). The last owner cannot step down: a
     * study always has someone who decides who takes part.
     */
    @Transactional
    public List<StudyMember> setMember(long id, String username, String roleName) {
        access.require(id, StudyRole.OWNER);
        StudyRole role = parseRole(roleName);
        locked(id);
        if (role != StudyRole.OWNER) {
            requireAnotherOwner(id, username);
        }
        if (!members.put(id, username, role)) {
            throw DomainException.invalid(
                    "no researcher account '" + username + "'", "username", "not-found");
        }
        return members.members(id);
    }

    /** Removes {@code username} from the study (owners only; never the last owner). */
    @Transactional
    public List<StudyMember> removeMember(long id, String username) {
        access.require(id, StudyRole.OWNER);
        locked(id);
        requireAnotherOwner(id, username);
        if (!members.remove(id, username)) {
            throw DomainException.notFound("member '" + username + "'");
        }
        return members.members(id);
    }

    private static StudyRole parseRole(String role) {
        try {
            return StudyRole.fromDb(role == null ? "" : role.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(
                    "role must be owner, editor or viewer, got " + role, "role", "one-of");
        }
    }

    /** Refuses when {@code username} is the study's only owner (one read of the members). */
    private void requireAnotherOwner(long id, String username) {
        List<String> owners =
                members.members(id).stream()
                        .filter(m -> m.role() == StudyRole.OWNER)
                        .map(StudyMember::username)
                        .toList();
        if (owners.equals(List.of(username))) {
            throw DomainException.conflict(
                    "'" + username + "' is the study's only owner; make someone else owner first",
                    "last-owner");
        }
    }

    private Study locked(long id) {
        return studies.byId(id, true).orElseThrow(() -> DomainException.notFound("study " + id));
    }

    private List<StudyView.ModelView> models(long studyId) {
        return stimuli.models(studyId).stream()
                .map(
                        m ->
                                new StudyView.ModelView(
                                        m.modelKey(),
                                        m.label(),
                                        m.space(),
                                        m.exploration(),
                                        m.distance(),
                                        stimuli.axes(m.id())))
                .toList();
    }
}
