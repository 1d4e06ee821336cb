package org.eigenstudy.backend.study.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eigenstudy.backend.study.StudyRole;
import org.eigenstudy.backend.study.service.StudyMember;
import org.jdbi.v3.core.Jdbi;

/** The {@code study_member} table: who takes part in which study, in which role. */
@ApplicationScoped
public class StudyMemberStore {

    @Inject Jdbi jdbi;

    public Optional<StudyRole> role(long studyId, String username) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT m.role FROM study_member m"
                                                + " JOIN researcher r ON r.id = m.researcher_id"
                                                + " WHERE m.study_id = :study"
                                                + " AND r.username = :user")
                                .bind("study", studyId)
                                .bind("user", username)
                                .mapTo(String.class)
                                .findOne()
                                .map(StudyRole::fromDb));
    }

    /** The studies {@code username} takes part in. */
    public Set<Long> studiesOf(String username) {
        return Set.copyOf(
                jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT m.study_id FROM study_member m"
                                                        + " JOIN researcher r ON r.id = m.researcher_id"
                                                        + " WHERE r.username = :user")
                                        .bind("user", username)
                                        .mapTo(Long.class)
                                        .list()));
    }

    public List<StudyMember> members(long studyId) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT r.username, m.role FROM study_member m"
                                                + " JOIN researcher r ON r.id = m.researcher_id"
                                                + " WHERE m.study_id = :study"
                                                + " ORDER BY array_position(ARRAY['owner',"
                                                + " 'editor', 'viewer'], m.role), r.username")
                                .bind("study", studyId)
                                .map(
                                        (rs, ctx) ->
                                                new StudyMember(
                                                        rs.getString("username"),
                                                        StudyRole.fromDb(rs.getString("role"))))
                                .list());
    }

    /** Sets the role of {@code username}; false when there is no such account. */
    public boolean put(long studyId, String username, StudyRole role) {
        return jdbi.withHandle(
                        h ->
                                h.createUpdate(
                                                """
                                                INSERT INTO study_member (study_id, researcher_id, role)
                                                SELECT :study, r.id, :role FROM researcher r
                                                WHERE r.username = :user
                                                ON CONFLICT (study_id, researcher_id)
                                                DO UPDATE SET role = excluded.role
                                                """)
                                        .bind("study", studyId)
                                        .bind("user", username)
                                        .bind("role", role.dbValue())
                                        .execute())
                > 0;
    }

    public boolean remove(long studyId, String username) {
        return jdbi.withHandle(
                        h ->
                                h.createUpdate(
                                                "DELETE FROM study_member m USING researcher r"
                                                        + " WHERE r.id = m.researcher_id"
                                                        + " AND m.study_id = :study"
                                                        + " AND r.username = :user")
                                        .bind("study", studyId)
                                        .bind("user", username)
                                        .execute())
                > 0;
    }
}
