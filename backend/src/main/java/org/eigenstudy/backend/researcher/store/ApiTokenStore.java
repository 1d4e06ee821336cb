package org.eigenstudy.backend.researcher.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eigenstudy.backend.researcher.service.ApiToken;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code api_token} table: only each token's SHA-256 is stored. */
@ApplicationScoped
public class ApiTokenStore {

    private static final String COLUMNS = "id, researcher_id, name, created_at, last_used_at";

    @Inject Jdbi jdbi;

    public List<ApiToken> forResearcher(long researcherId) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT "
                                                + COLUMNS
                                                + " FROM api_token WHERE researcher_id = :owner"
                                                + " ORDER BY id")
                                .bind("owner", researcherId)
                                .map(ApiTokenStore::row)
                                .list());
    }

    public Optional<ApiToken> byId(long id) {
        return jdbi.withHandle(
                h ->
                        h.createQuery("SELECT " + COLUMNS + " FROM api_token WHERE id = :id")
                                .bind("id", id)
                                .map(ApiTokenStore::row)
                                .findOne());
    }

    /** The token with this hash, marking it used now. */
    public Optional<ApiToken> useByHash(String sha256) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "UPDATE api_token SET last_used_at = now()"
                                                + " WHERE token_sha256 = :hash RETURNING "
                                                + COLUMNS)
                                .bind("hash", sha256)
                                .map(ApiTokenStore::row)
                                .findOne());
    }

    public ApiToken insert(long researcherId, String name, String sha256) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "INSERT INTO api_token (researcher_id, name, token_sha256)"
                                                + " VALUES (:owner, :name, :hash) RETURNING "
                                                + COLUMNS)
                                .bind("owner", researcherId)
                                .bind("name", name)
                                .bind("hash", sha256)
                                .map(ApiTokenStore::row)
                                .one());
    }

    public void delete(long id) {
        jdbi.useHandle(
                h ->
                        h.createUpdate("DELETE FROM api_token WHERE id = :id")
                                .bind("id", id)
                                .execute());
    }

    private static ApiToken row(ResultSet rs, StatementContext context) throws SQLException {
        return new ApiToken(
                rs.getLong("id"),
                rs.getLong("researcher_id"),
                rs.getString("name"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("last_used_at", OffsetDateTime.class));
    }
}
