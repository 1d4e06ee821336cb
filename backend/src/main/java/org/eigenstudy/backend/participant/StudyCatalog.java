package org.eigenstudy.backend.participant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.study.StudyDesign;

/**
 * The studies participants reach. Everything but a study's state is fixed at import, so each
 * version's {@link StudyFacts} are read once and kept; which version is open is always asked.
 */
@ApplicationScoped
public class StudyCatalog {

    private static final String OPEN =
            "SELECT id FROM study WHERE slug = ? AND state = 'open' ORDER BY version DESC LIMIT 1";

    private static final String ANY = "SELECT 1 FROM study WHERE slug = ? LIMIT 1";

    private static final String FACTS =
            """
            SELECT slug, version, title, description, instructions, design::text, completion_code,
                   prolific_completion_url, compensation
            FROM study WHERE id = ?
            """;

    /** Reads the design column as Hibernate's JSON mapping wrote it (a default Jackson mapper). */
    private static final ObjectMapper DESIGN =
            new ObjectMapper()
                    .findAndRegisterModules()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Map<Long, StudyFacts> facts = new ConcurrentHashMap<>();

    /** The newest open version of {@code slug}: 404 if unknown, 409 if none is open. */
    public StudyFacts open(Connection connection, String slug) throws SQLException {
        Optional<StudyFacts> open = findOpen(connection, slug);
        if (open.isPresent()) {
            return open.get();
        }
        try (PreparedStatement query = connection.prepareStatement(ANY)) {
            query.setString(1, slug);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw DomainException.notFound("study '" + slug + "'");
                }
            }
        }
        throw DomainException.conflict("study '" + slug + "' is not open", "study-not-open");
    }

    /** The newest open version of {@code slug}, if any. */
    public Optional<StudyFacts> findOpen(Connection connection, String slug) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(OPEN)) {
            query.setString(1, slug);
            try (ResultSet row = query.executeQuery()) {
                return row.next()
                        ? Optional.of(facts(connection, row.getLong(1)))
                        : Optional.empty();
            }
        }
    }

    /** Loads on the caller's connection: a second one from the pool could deadlock under load. */
    public StudyFacts facts(Connection connection, long studyId) throws SQLException {
        StudyFacts known = facts.get(studyId);
        if (known == null) {
            known = load(connection, studyId);
            facts.putIfAbsent(studyId, known);
        }
        return known;
    }

    private static StudyFacts load(Connection connection, long studyId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(FACTS)) {
            query.setLong(1, studyId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw DomainException.notFound("study " + studyId);
                }
                StudyDesign design;
                try {
                    design = DESIGN.readValue(row.getString(6), StudyDesign.class);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("study " + studyId + " has a bad design", e);
                }
                return new StudyFacts(
                        studyId,
                        row.getString(1),
                        row.getInt(2),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5),
                        design,
                        row.getString(7),
                        row.getString(8),
                        row.getString(9));
            }
        }
    }
}
