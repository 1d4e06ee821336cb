package org.eigenstudy.backend.bundle.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eigenstudy.backend.bundle.service.StimulusBundle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code stimulus_bundle} table: one row per verified bundle folder. */
@ApplicationScoped
public class StimulusBundleStore {

    private static final String COLUMNS =
            "id, manifest_sha256, study_slug, config_sha256, models, frames, bytes, file_name,"
                    + " uploaded_by, uploaded_at";

    @Inject Jdbi jdbi;

    /** The bundle with this manifest, if one is stored. */
    public Optional<StimulusBundle> byManifest(String manifestSha256) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT "
                                                + COLUMNS
                                                + " FROM stimulus_bundle"
                                                + " WHERE manifest_sha256 = :sha")
                                .bind("sha", manifestSha256)
                                .map(StimulusBundleStore::row)
                                .findOne());
    }

    public Optional<StimulusBundle> byId(long id) {
        return jdbi.withHandle(
                h ->
                        h.createQuery("SELECT " + COLUMNS + " FROM stimulus_bundle WHERE id = :id")
                                .bind("id", id)
                                .map(StimulusBundleStore::row)
                                .findOne());
    }

    /** Bundles made for configs with this stimuli fingerprint, newest first. */
    public List<StimulusBundle> byConfig(String configSha256) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT "
                                                + COLUMNS
                                                + " FROM stimulus_bundle WHERE config_sha256 = :sha"
                                                + " ORDER BY uploaded_at DESC, id DESC")
                                .bind("sha", configSha256)
                                .map(StimulusBundleStore::row)
                                .list());
    }

    public List<StimulusBundle> listNewestFirst() {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT "
                                                + COLUMNS
                                                + " FROM stimulus_bundle ORDER BY uploaded_at DESC,"
                                                + " id DESC")
                                .map(StimulusBundleStore::row)
                                .list());
    }

    /**
     * Inserts a bundle unless its manifest is stored already (a concurrent upload of the same
     * stimuli); either way returns the stored row.
     */
    public StimulusBundle insert(StimulusBundle bundle) {
        jdbi.useHandle(
                h ->
                        h.createUpdate(
                                        """
                                        INSERT INTO stimulus_bundle (manifest_sha256, study_slug,
                                            config_sha256, models, frames, bytes, file_name,
                                            uploaded_by)
                                        VALUES (:manifestSha256, :study, :configSha256, :models,
                                            :frames, :bytes, :fileName, :uploadedBy)
                                        ON CONFLICT (manifest_sha256) DO NOTHING
                                        """)
                                .bindMethods(bundle)
                                .bind("models", bundle.models().toArray(String[]::new))
                                .execute());
        return byManifest(bundle.manifestSha256()).orElseThrow();
    }

    private static StimulusBundle row(ResultSet rs, StatementContext context) throws SQLException {
        return new StimulusBundle(
                rs.getLong("id"),
                rs.getString("manifest_sha256"),
                rs.getString("study_slug"),
                rs.getString("config_sha256"),
                Arrays.asList((String[]) rs.getArray("models").getArray()),
                rs.getInt("frames"),
                rs.getLong("bytes"),
                rs.getString("file_name"),
                rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class));
    }
}
