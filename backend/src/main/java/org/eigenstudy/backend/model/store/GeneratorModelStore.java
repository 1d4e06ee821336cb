package org.eigenstudy.backend.model.store;

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
import org.eigenstudy.backend.model.service.GeneratorModel;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code generator_model} table: one row per checked model folder. */
@ApplicationScoped
public class GeneratorModelStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS =
            "id, name, architecture, description, resolution, channels, spaces::text AS spaces,"
                    + " card_sha256, bytes, file_name, uploaded_by, uploaded_at";

    @Inject Jdbi jdbi;

    public Optional<GeneratorModel> byId(long id) {
        return one("id = :key", id);
    }

    public Optional<GeneratorModel> byCard(String cardSha256) {
        return one("card_sha256 = :key", cardSha256);
    }

    public List<GeneratorModel> listNewestFirst() {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT "
                                                + COLUMNS
                                                + " FROM generator_model ORDER BY uploaded_at DESC,"
                                                + " id DESC")
                                .map(GeneratorModelStore::row)
                                .list());
    }

    /** Inserts a model unless its card is stored already; either way returns the stored row. */
    public GeneratorModel insert(GeneratorModel model) {
        jdbi.useHandle(
                h ->
                        h.createUpdate(
                                        """
                                        INSERT INTO generator_model (card_sha256, name, architecture,
                                            description, resolution, channels, spaces, bytes,
                                            file_name, uploaded_by)
                                        VALUES (:cardSha256, :name, :architecture, :description,
                                            :resolution, :channels, CAST(:spaces AS jsonb), :bytes,
                                            :fileName, :uploadedBy)
                                        ON CONFLICT (card_sha256) DO NOTHING
                                        """)
                                .bindMethods(model)
                                .bind("spaces", json(model.spaces()))
                                .execute());
        return byCard(model.cardSha256()).orElseThrow();
    }

    private Optional<GeneratorModel> one(String where, Object key) {
        return jdbi.withHandle(
                h ->
                        h.createQuery("SELECT " + COLUMNS + " FROM generator_model WHERE " + where)
                                .bind("key", key)
                                .map(GeneratorModelStore::row)
                                .findOne());
    }

    private static String json(List<GeneratorModel.Space> spaces) {
        try {
            return JSON.writeValueAsString(spaces);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("spaces are always JSON", e);
        }
    }

    private static GeneratorModel row(ResultSet rs, StatementContext context) throws SQLException {
        List<GeneratorModel.Space> spaces;
        try {
            spaces = JSON.readValue(rs.getString("spaces"), new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model " + rs.getLong("id") + " has bad spaces", e);
        }
        return new GeneratorModel(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("architecture"),
                rs.getString("description"),
                rs.getInt("resolution"),
                rs.getInt("channels"),
                spaces,
                rs.getString("card_sha256"),
                rs.getLong("bytes"),
                rs.getString("file_name"),
                rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class),
                null);
    }
}
