package org.eigenstudy.backend.testing;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct reads of the test database, to check what was (not) stored. */
public final class Db {

    private Db() {}

    public static long count(String sql, Object... params) {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Changes rows directly, e.g. to let a session time out without waiting for it. */
    public static int update(String sql, Object... params) {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long responses(String slug) {
        return count(
                "SELECT count(*) FROM response r JOIN participant_session s ON s.id = r.session_id"
                        + " JOIN study st ON st.id = s.study_id WHERE st.slug = ?",
                slug);
    }

    public static long sessions(String slug) {
        return count(
                "SELECT count(*) FROM participant_session s JOIN study st ON st.id = s.study_id"
                        + " WHERE st.slug = ?",
                slug);
    }
}
