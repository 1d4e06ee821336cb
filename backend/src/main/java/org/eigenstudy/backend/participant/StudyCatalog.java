package org.eigenstudy.backend.participant;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eigenstudy.backend.api.ApiException;
import org.eigenstudy.backend.study.Study;

/**
 * The studies participants reach. Everything but a study's state is fixed at import, so each
 * version's {@link StudyFacts} are read once and kept; which version is open is always asked.
 */
@ApplicationScoped
public class StudyCatalog {

    private static final String OPEN =
            "SELECT id FROM study WHERE slug = ? AND state = 'open' ORDER BY version DESC LIMIT 1";

    private static final String ANY = "SELECT 1 FROM study WHERE slug = ? LIMIT 1";

    private final Map<Long, StudyFacts> facts = new ConcurrentHashMap<>();

    /** The newest open version of {@code slug}: 404 if unknown, 409 if none is open. */
    public StudyFacts open(Connection connection, String slug) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(OPEN)) {
            query.setString(1, slug);
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    return facts(row.getLong(1));
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement(ANY)) {
            query.setString(1, slug);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw ApiException.notFound("study '" + slug + "'");
                }
            }
        }
        throw ApiException.conflict("study '" + slug + "' is not open", "study-not-open");
    }

    public StudyFacts facts(long studyId) {
        StudyFacts known = facts.get(studyId);
        if (known == null) {
            known =
                    QuarkusTransaction.requiringNew()
                            .call(() -> StudyFacts.of(Study.<Study>findById(studyId)));
            facts.putIfAbsent(studyId, known);
        }
        return known;
    }
}
