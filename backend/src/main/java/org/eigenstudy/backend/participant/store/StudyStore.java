package org.eigenstudy.backend.participant.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eigenstudy.backend.participant.service.StudyFacts;
import org.eigenstudy.backend.study.StudyDesign;
import org.jdbi.v3.core.Jdbi;

/** The study rows participants reach: which version of a slug is open, and a version's facts. */
@ApplicationScoped
public class StudyStore {

    private static final String OPEN =
            "SELECT id FROM study WHERE slug = :slug AND state IN ('open', 'pilot')"
                    + " ORDER BY version DESC LIMIT 1";

    private static final String ANY = "SELECT EXISTS (SELECT 1 FROM study WHERE slug = :slug)";

    private static final String FACTS =
            """
            SELECT slug, version, title, description, instructions, consent, debrief,
                   design::text AS design,
                   completion_code, prolific_completion_url, compensation
            FROM study WHERE id = :study
            """;

    /** Reads the design column as Hibernate's JSON mapping wrote it (a default Jackson mapper). */
    private static final ObjectMapper DESIGN =
            new ObjectMapper()
                    .findAndRegisterModules()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Inject Jdbi jdbi;

    /** The id of the newest version of {@code slug} participants reach (open or pilot), if any. */
    public Optional<Long> openVersion(String slug) {
        return jdbi.withHandle(
                handle -> handle.createQuery(OPEN).bind("slug", slug).mapTo(Long.class).findOne());
    }

    /** Whether any version of {@code slug} exists. */
    public boolean exists(String slug) {
        return jdbi.withHandle(
                handle -> handle.createQuery(ANY).bind("slug", slug).mapTo(Boolean.class).one());
    }

    /** The fixed facts of study version {@code studyId}, if it exists. */
    public Optional<StudyFacts> facts(long studyId) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(FACTS)
                                .bind("study", studyId)
                                .map(
                                        (row, context) ->
                                                new StudyFacts(
                                                        studyId,
                                                        row.getString("slug"),
                                                        row.getInt("version"),
                                                        row.getString("title"),
                                                        row.getString("description"),
                                                        row.getString("instructions"),
                                                        row.getString("consent"),
                                                        row.getString("debrief"),
                                                        design(studyId, row.getString("design")),
                                                        row.getString("completion_code"),
                                                        row.getString("prolific_completion_url"),
                                                        row.getString("compensation")))
                                .findOne());
    }

    private static StudyDesign design(long studyId, String json) {
        try {
            return DESIGN.readValue(json, StudyDesign.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("study " + studyId + " has a bad design", e);
        }
    }
}
