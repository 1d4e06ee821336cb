package org.eigenstudy.backend.researcher.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eigenstudy.backend.researcher.service.Researcher;
import org.jdbi.v3.core.Jdbi;

/** The {@code researcher} table: dashboard accounts with their bcrypt password hashes. */
@ApplicationScoped
public class ResearcherStore {

    private static final String COLUMNS =
            "id, username, password_hash, role, disabled_at IS NOT NULL AS disabled";

    @Inject Jdbi jdbi;

    public Optional<Researcher> byUsername(String username) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT "
                                                + COLUMNS
                                                + " FROM researcher WHERE username = :username")
                                .bind("username", username)
                                .map(ResearcherStore::row)
                                .findOne());
    }

    public Optional<Researcher> byId(long id) {
        return jdbi.withHandle(
                h ->
                        h.createQuery("SELECT " + COLUMNS + " FROM researcher WHERE id = :id")
                                .bind("id", id)
                                .map(ResearcherStore::row)
                                .findOne());
    }

    public List<Researcher> listByName() {
        return jdbi.withHandle(
                h ->
                        h.createQuery("SELECT " + COLUMNS + " FROM researcher ORDER BY username")
                                .map(ResearcherStore::row)
                                .list());
    }

    public long count() {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT count(*) FROM researcher").mapTo(Long.class).one());
    }

    /** Inserts an account; {@code passwordHash} is already hashed. */
    public Researcher insert(String username, String passwordHash, String role) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        """
                                        INSERT INTO researcher (username, password_hash, role)
                                        VALUES (:username, :hash, :role)
                                        RETURNING id, username, password_hash, role, false AS disabled
                                        """)
                                .bind("username", username)
                                .bind("hash", passwordHash)
                                .bind("role", role)
                                .map(ResearcherStore::row)
                                .one());
    }

    private static Researcher row(
            java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext c)
            throws java.sql.SQLException {
        return new Researcher(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("password_hash"),
                rs.getString("role"),
                rs.getBoolean("disabled"));
    }

    public void setPasswordHash(long id, String passwordHash) {
        jdbi.useHandle(
                h ->
                        h.createUpdate("UPDATE researcher SET password_hash = :hash WHERE id = :id")
                                .bind("id", id)
                                .bind("hash", passwordHash)
                                .execute());
    }

    /** Disables or enables an account; false when there is no such account. */
    public boolean setDisabled(String username, boolean disabled) {
        return jdbi.withHandle(
                        h ->
                                h.createUpdate(
                                                "UPDATE researcher SET disabled_at = CASE WHEN"
                                                        + " :disabled THEN coalesce(disabled_at,"
                                                        + " now()) END WHERE username = :username")
                                        .bind("disabled", disabled)
                                        .bind("username", username)
                                        .execute())
                > 0;
    }
}
