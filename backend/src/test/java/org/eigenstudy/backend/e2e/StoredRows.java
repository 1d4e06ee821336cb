package org.eigenstudy.backend.e2e;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads what the database holds, so the tests check storage itself rather than the UI's word. */
@ApplicationScoped
public class StoredRows {

    @Inject DataSource dataSource;

    long sessions(long studyId) {
        return count("SELECT count(*) FROM participant_session WHERE study_id = ?", studyId);
    }

    long responses(long studyId) {
        return count(
                "SELECT count(*) FROM response r JOIN participant_session s ON s.id = r.session_id"
                        + " WHERE s.study_id = ?",
                studyId);
    }

    /** Trial positions answered in the study, one entry per stored response, in order. */
    List<Integer> answeredPositions(long studyId) {
        String sql =
                "SELECT a.position FROM response r"
                        + " JOIN participant_session s ON s.id = r.session_id"
                        + " JOIN assignment a ON a.id = r.assignment_id"
                        + " WHERE s.study_id = ? ORDER BY a.position";
        List<Integer> positions = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    positions.add(rs.getInt(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return positions;
    }

    private long count(String sql, long studyId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
