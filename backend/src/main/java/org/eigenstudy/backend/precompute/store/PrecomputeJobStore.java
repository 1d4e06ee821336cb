package org.eigenstudy.backend.precompute.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eigenstudy.backend.precompute.service.JobState;
import org.eigenstudy.backend.precompute.service.PrecomputeJob;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The {@code stimulus_job} table. State changes are conditional updates ({@code WHERE state =
 * ...}), so the worker and a cancel never both win: each says whether it moved the job.
 */
@ApplicationScoped
public class PrecomputeJobStore {

    private static final String COLUMNS =
            "id, study_slug, stimuli_sha256, state, failure, bundle_id, created_by, created_at,"
                    + " started_at, finished_at";

    @Inject Jdbi jdbi;

    public long insert(String configYaml, String slug, String stimuliSha256, String user) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        """
                                        INSERT INTO stimulus_job (config_yaml, study_slug,
                                            stimuli_sha256, created_by)
                                        VALUES (:yaml, :slug, :sha, :user) RETURNING id
                                        """)
                                .bind("yaml", configYaml)
                                .bind("slug", slug)
                                .bind("sha", stimuliSha256)
                                .bind("user", user)
                                .mapTo(Long.class)
                                .one());
    }

    public Optional<PrecomputeJob> byId(long id) {
        return jdbi.withHandle(
                h ->
                        h.createQuery("SELECT " + COLUMNS + " FROM stimulus_job WHERE id = :id")
                                .bind("id", id)
                                .map(PrecomputeJobStore::row)
                                .findOne());
    }

    /** A queued or running job for these stimuli, if one exists. */
    public Optional<PrecomputeJob> unfinishedFor(String stimuliSha256) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT "
                                                + COLUMNS
                                                + " FROM stimulus_job WHERE stimuli_sha256 = :sha"
                                                + " AND state IN ('queued', 'running')"
                                                + " ORDER BY id LIMIT 1")
                                .bind("sha", stimuliSha256)
                                .map(PrecomputeJobStore::row)
                                .findOne());
    }

    public List<PrecomputeJob> listNewestFirst() {
        return jdbi.withHandle(
                h ->
                        h.createQuery("SELECT " + COLUMNS + " FROM stimulus_job ORDER BY id DESC")
                                .map(PrecomputeJobStore::row)
                                .list());
    }

    /** Queued and running jobs, oldest first: what a restart resumes. */
    public List<Long> unfinished() {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT id FROM stimulus_job"
                                                + " WHERE state IN ('queued', 'running') ORDER BY id")
                                .mapTo(Long.class)
                                .list());
    }

    /** queued → running; false when the job is no longer queued (cancelled). */
    public boolean start(long id) {
        return move(id, JobState.QUEUED, "state = 'running', started_at = now()", Map.of());
    }

    /** running → queued (a restart: the worker takes it again). */
    public boolean requeue(long id) {
        return move(id, JobState.RUNNING, "state = 'queued'", Map.of());
    }

    public boolean succeed(long id, long bundleId) {
        return move(
                id,
                JobState.RUNNING,
                "state = 'succeeded', bundle_id = :bundle, finished_at = now()",
                Map.of("bundle", bundleId));
    }

    public boolean fail(long id, String failure) {
        return move(
                id,
                JobState.RUNNING,
                "state = 'failed', failure = :failure, finished_at = now()",
                Map.of("failure", failure));
    }

    /** queued or running → cancelled; false when it had finished already. */
    public boolean cancel(long id) {
        return jdbi.withHandle(
                        h ->
                                h.createUpdate(
                                                "UPDATE stimulus_job SET state = 'cancelled',"
                                                        + " finished_at = now() WHERE id = :id"
                                                        + " AND state IN ('queued', 'running')")
                                        .bind("id", id)
                                        .execute())
                > 0;
    }

    private boolean move(long id, JobState from, String set, Map<String, ?> values) {
        return jdbi.withHandle(
                        h ->
                                h.createUpdate(
                                                "UPDATE stimulus_job SET "
                                                        + set
                                                        + " WHERE id = :id AND state = :from")
                                        .bind("id", id)
                                        .bind("from", from.dbValue())
                                        .bindMap(values)
                                        .execute())
                > 0;
    }

    private static PrecomputeJob row(ResultSet rs, StatementContext context) throws SQLException {
        return new PrecomputeJob(
                rs.getLong("id"),
                rs.getString("study_slug"),
                rs.getString("stimuli_sha256"),
                JobState.fromDb(rs.getString("state")),
                rs.getString("failure"),
                rs.getObject("bundle_id", Long.class),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class));
    }
}
