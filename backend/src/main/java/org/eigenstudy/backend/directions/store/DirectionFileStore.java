package org.eigenstudy.backend.directions.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eigenstudy.backend.directions.service.DirectionFile;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The {@code direction_file} table: one row per checked file, keyed by its SHA-256; and which
 * unfinished stimulus jobs name a file (read from {@code stimulus_job}, never written).
 */
@ApplicationScoped
public class DirectionFileStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS =
            "id, sha256, file_name, count, dim, labels::text AS labels, bytes, uploaded_by,"
                    + " uploaded_at";

    @Inject Jdbi jdbi;

    public Optional<DirectionFile> byId(long id) {
        return one("id = :key", id);
    }

    public Optional<DirectionFile> bySha256(String sha256) {
        return one("sha256 = :key", sha256);
    }

    public List<DirectionFile> byFileName(String fileName) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT "
                                                + COLUMNS
                                                + " FROM direction_file WHERE file_name = :name"
                                                + " ORDER BY uploaded_at DESC, id DESC")
                                .bind("name", fileName)
                                .map(DirectionFileStore::row)
                                .list());
    }

    public List<DirectionFile> listNewestFirst() {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT "
                                                + COLUMNS
                                                + " FROM direction_file ORDER BY uploaded_at DESC,"
                                                + " id DESC")
                                .map(DirectionFileStore::row)
                                .list());
    }

    /** Inserts a file unless its content is stored already; either way returns the stored row. */
    public DirectionFile insert(DirectionFile file) {
        jdbi.useHandle(
                h ->
                        h.createUpdate(
                                        """
                                        INSERT INTO direction_file (sha256, file_name, count, dim,
                                            labels, bytes, uploaded_by)
                                        VALUES (:sha256, :fileName, :count, :dim,
                                            CAST(:labels AS jsonb), :bytes, :uploadedBy)
                                        ON CONFLICT (sha256) DO NOTHING
                                        """)
                                .bindMethods(file)
                                .bind("labels", json(file.labels()))
                                .execute());
        return bySha256(file.sha256()).orElseThrow();
    }

    /**
     * The queued or running stimulus jobs whose study file names {@code sha256/fileName}: deleting
     * the file under them would fail them half-way.
     */
    public List<Long> unfinishedJobsNaming(String sha256, String fileName) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT id FROM stimulus_job WHERE state IN ('queued',"
                                                + " 'running') AND strpos(config_yaml, :needle) > 0"
                                                + " ORDER BY id")
                                .bind("needle", sha256 + "/" + fileName)
                                .mapTo(Long.class)
                                .list());
    }

    /** Whether a row was deleted. */
    public boolean delete(long id) {
        return jdbi.withHandle(
                        h ->
                                h.createUpdate("DELETE FROM direction_file WHERE id = :id")
                                        .bind("id", id)
                                        .execute())
                > 0;
    }

    private Optional<DirectionFile> one(String where, Object key) {
        return jdbi.withHandle(
                h ->
                        h.createQuery("SELECT " + COLUMNS + " FROM direction_file WHERE " + where)
                                .bind("key", key)
                                .map(DirectionFileStore::row)
                                .findOne());
    }

    private static String json(List<String> labels) {
        try {
            return JSON.writeValueAsString(labels);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("labels are always JSON", e);
        }
    }

    private static DirectionFile row(ResultSet rs, StatementContext context) throws SQLException {
        List<String> labels;
        try {
            labels = JSON.readValue(rs.getString("labels"), new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "direction file " + rs.getLong("id") + " has bad labels", e);
        }
        return new DirectionFile(
                rs.getLong("id"),
                rs.getString("file_name"),
                rs.getInt("count"),
                rs.getInt("dim"),
                labels,
                rs.getString("sha256"),
                rs.getLong("bytes"),
                rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class),
                null);
    }
}
