package org.eigenstudy.backend.study;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eigenstudy.backend.domain.DomainException;

/** Study life cycle (draft → open → closed) and the researcher's view of a study. */
@ApplicationScoped
public class StudyService {

    @Transactional
    public List<StudyView> list() {
        return Study.listNewestFirst().stream().map(s -> StudyView.of(s, null)).toList();
    }

    @Transactional
    public StudyView get(long id) {
        Study study = require(id, false);
        return StudyView.of(study, models(study));
    }

    /**
     * Opens a draft. Only one version of a slug is open at a time: opening a new version closes the
     * previous one, so the participant link always leads to the newest.
     */
    @Transactional
    public StudyView open(long id) {
        Study study = require(id, true);
        if (study.state() == StudyState.OPEN) {
            return StudyView.of(study, null);
        }
        if (study.state() != StudyState.DRAFT) {
            throw DomainException.conflict(
                    "a closed study cannot be reopened; import a new version", "state");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Study other : Study.findBySlug(study.slug)) {
            if (other.state() == StudyState.OPEN) {
                other.state = StudyState.CLOSED.dbValue();
                other.closedAt = now;
            }
        }
        study.state = StudyState.OPEN.dbValue();
        study.openedAt = now;
        return StudyView.of(study, null);
    }

    @Transactional
    public StudyView close(long id) {
        Study study = require(id, true);
        if (study.state() != StudyState.OPEN) {
            throw DomainException.conflict("only an open study can be closed", "state");
        }
        study.state = StudyState.CLOSED.dbValue();
        study.closedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return StudyView.of(study, null);
    }

    public static Study require(long id, boolean lock) {
        Study study =
                lock ? Study.findById(id, LockModeType.PESSIMISTIC_WRITE) : Study.findById(id);
        if (study == null) {
            throw DomainException.notFound("study " + id);
        }
        return study;
    }

    private static List<StudyView.ModelView> models(Study study) {
        return StudyModel.forStudy(study.id).stream()
                .map(
                        m ->
                                new StudyView.ModelView(
                                        m.modelKey,
                                        m.label,
                                        m.space,
                                        m.exploration,
                                        m.distance,
                                        Axis.forModel(m.id).stream()
                                                .map(
                                                        a ->
                                                                new StudyView.AxisView(
                                                                        a.axisKey,
                                                                        a.axisClass,
                                                                        a.rank,
                                                                        a.eigenvalue,
                                                                        a.alpha,
                                                                        Strip.count(
                                                                                "axisId", a.id)))
                                                .toList()))
                .toList();
    }
}
