package org.eigenstudy.backend.statistics.planning.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.util.List;
import org.eigenstudy.backend.statistics.planning.PowerRun;
import org.jdbi.v3.core.Jdbi;

/**
 * The last power simulation per study version and measure. The run is kept as JSON: it is read and
 * written whole, never queried inside, and its shape is the report's.
 */
@ApplicationScoped
public class PowerRunStore {

    private static final String SAVE =
            """
            INSERT INTO power_simulation (study_id, measure, ran_at, run)
            VALUES (:study, :measure, :ranAt, CAST(:run AS jsonb))
            ON CONFLICT (study_id, measure)
            DO UPDATE SET ran_at = EXCLUDED.ran_at, run = EXCLUDED.run
            """;

    private static final String LAST =
            "SELECT run::text FROM power_simulation WHERE study_id = :study ORDER BY measure";

    @Inject Jdbi jdbi;
    @Inject ObjectMapper httpMapper;

    /**
     * The application's mapper (dates as ISO text), but lenient about fields it does not know: a
     * run stored by an older or newer version still reads.
     */
    private ObjectMapper mapper;

    @PostConstruct
    void init() {
        mapper = httpMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Keeps {@code run} as the study's last simulation of its measure, replacing any earlier. */
    public void save(long studyId, PowerRun run) {
        String json;
        try {
            json = mapper.writeValueAsString(run);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("serialising a power run", e);
        }
        jdbi.useHandle(
                handle ->
                        handle.createUpdate(SAVE)
                                .bind("study", studyId)
                                .bind("measure", run.measure())
                                .bind("ranAt", Timestamp.from(run.ranAt()))
                                .bind("run", json)
                                .execute());
    }

    /** The study's last run per measure, ordered by measure key. */
    public List<PowerRun> last(long studyId) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(LAST)
                                .bind("study", studyId)
                                .mapTo(String.class)
                                .map(this::read)
                                .list());
    }

    private PowerRun read(String json) {
        try {
            return mapper.readValue(json, PowerRun.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reading a stored power run", e);
        }
    }
}
