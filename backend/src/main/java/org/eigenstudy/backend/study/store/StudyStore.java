package org.eigenstudy.backend.study.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eigenstudy.backend.study.StudyDesign;
import org.eigenstudy.backend.study.StudyState;
import org.eigenstudy.backend.study.service.NewStudy;
import org.eigenstudy.backend.study.service.Study;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code study} table: study versions and their life-cycle state. */
@ApplicationScoped
public class StudyStore {

    /** The design column is JSON with the record's component names, read by other stores too. */
    private static final ObjectMapper DESIGN = new ObjectMapper();

    private static final String COLUMNS =
            "id, slug, version, title, state, design::text AS design, stimuli_dir,"
                    + " manifest_sha256, completion_code, prolific_completion_url, created_at,"
                    + " opened_at, closed_at";

    @Inject Jdbi jdbi;

    /** The study; with {@code lock}, its row stays locked until the transaction ends. */
    public Optional<Study> byId(long id, boolean lock) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT "
                                                + COLUMNS
                                                + " FROM study WHERE id = :id"
                                                + (lock ? " FOR UPDATE" : ""))
                                .bind("id", id)
                                .map(StudyStore::row)
                                .findOne());
    }

    public Optional<Study> byVersion(String slug, int version) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT "
                                                + COLUMNS
                                                + " FROM study WHERE slug = :slug"
                                                + " AND version = :version")
                                .bind("slug", slug)
                                .bind("version", version)
                                .map(StudyStore::row)
                                .findOne());
    }

    /** The config text the study was imported from. */
    public Optional<String> configYaml(long id) {
        return jdbi.withHandle(
                h ->
                        h.createQuery("SELECT config_yaml FROM study WHERE id = :id")
                                .bind("id", id)
                                .mapTo(String.class)
                                .findOne());
    }

    public List<Study> listNewestFirst() {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT "
                                                + COLUMNS
                                                + " FROM study ORDER BY slug, version DESC")
                                .map(StudyStore::row)
                                .list());
    }

    public long insert(NewStudy study) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        """
                                        INSERT INTO study (slug, version, title, description,
                                            instructions, consent, debrief, retention_days,
                                            state, config_yaml,
                                            design, stimuli_dir,
                                            manifest_sha256, completion_code,
                                            prolific_completion_url, compensation)
                                        VALUES (:slug, :version, :title, :description,
                                            :instructions, :consent, :debrief,
                                            :retentionDays, 'draft',
                                            :configYaml,
                                            CAST(:design AS jsonb), :stimuliDir, :manifestSha256,
                                            :completionCode, :prolificCompletionUrl,
                                            :compensation)
                                        RETURNING id
                                        """)
                                .bindMethods(study)
                                .bind("design", json(study.design()))
                                .mapTo(Long.class)
                                .one());
    }

    /**
     * Closes every version of {@code slug} but {@code keep} that participants reach (open or
     * pilot): opening or piloting a version replaces it.
     */
    public void closeReachableVersions(String slug, long keep, OffsetDateTime at) {
        jdbi.useHandle(
                h ->
                        h.createUpdate(
                                        "UPDATE study SET state = 'closed', closed_at = :at"
                                                + " WHERE slug = :slug AND id <> :keep"
                                                + " AND state IN ('open', 'pilot')")
                                .bind("slug", slug)
                                .bind("keep", keep)
                                .bind("at", at)
                                .execute());
    }

    /** Opens the study; a reopened one keeps its first opening time and is no longer closed. */
    public void open(long id, OffsetDateTime at) {
        jdbi.useHandle(
                h ->
                        h.createUpdate(
                                        "UPDATE study SET state = 'open',"
                                                + " opened_at = COALESCE(opened_at, :at),"
                                                + " closed_at = NULL WHERE id = :id")
                                .bind("id", id)
                                .bind("at", at)
                                .execute());
    }

    public void pilot(long id) {
        jdbi.useHandle(
                h ->
                        h.createUpdate("UPDATE study SET state = 'pilot' WHERE id = :id")
                                .bind("id", id)
                                .execute());
    }

    /**
     * Deletes a draft with its models, axes and frames (ON DELETE CASCADE); a draft has no
     * sessions, and the sessions' foreign key has no cascade, so a study with any could not go this
     * way.
     */
    public void deleteDraft(long id) {
        jdbi.useHandle(
                h ->
                        h.createUpdate("DELETE FROM study WHERE id = :id AND state = 'draft'")
                                .bind("id", id)
                                .execute());
    }

    public void close(long id, OffsetDateTime at) {
        jdbi.useHandle(
                h ->
                        h.createUpdate(
                                        "UPDATE study SET state = 'closed', closed_at = :at"
                                                + " WHERE id = :id")
                                .bind("id", id)
                                .bind("at", at)
                                .execute());
    }

    private static String json(StudyDesign design) {
        try {
            return DESIGN.writeValueAsString(design);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a study design is always JSON", e);
        }
    }

    private static Study row(ResultSet rs, StatementContext context) throws SQLException {
        StudyDesign design;
        try {
            design = DESIGN.readValue(rs.getString("design"), StudyDesign.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("study " + rs.getLong("id") + " has a bad design", e);
        }
        return new Study(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getInt("version"),
                rs.getString("title"),
                StudyState.fromDb(rs.getString("state")),
                design,
                rs.getString("stimuli_dir"),
                rs.getString("manifest_sha256"),
                rs.getString("completion_code"),
                rs.getString("prolific_completion_url"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("opened_at", OffsetDateTime.class),
                rs.getObject("closed_at", OffsetDateTime.class));
    }
}
