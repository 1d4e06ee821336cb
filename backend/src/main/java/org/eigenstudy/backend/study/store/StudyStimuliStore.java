package org.eigenstudy.backend.study.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eigenstudy.backend.study.service.StimulusFrame;
import org.eigenstudy.backend.study.service.StudyModel;
import org.eigenstudy.backend.study.service.StudyView;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The stimulus structure of a study as imported: {@code study_model}, {@code axis}, {@code strip},
 * {@code frame} and the {@code trial} cells built on the axes.
 */
@ApplicationScoped
public class StudyStimuliStore {

    @Inject Jdbi jdbi;

    /** A frame to insert; {@code position} is its place in the strip. */
    public record NewFrame(
            int position,
            double step,
            String path,
            String sha256,
            long byteSize,
            String mediaType) {}

    public List<StudyModel> models(long studyId) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        """
                                        SELECT id, model_key, label, space, exploration, distance,
                                               image_distance
                                        FROM study_model WHERE study_id = :study ORDER BY model_key
                                        """)
                                .bind("study", studyId)
                                .map(
                                        (rs, c) ->
                                                new StudyModel(
                                                        rs.getLong("id"),
                                                        rs.getString("model_key"),
                                                        rs.getString("label"),
                                                        rs.getString("space"),
                                                        rs.getString("exploration"),
                                                        rs.getDouble("distance"),
                                                        rs.getString("image_distance")))
                                .list());
    }

    /** A model's axes with the number of reference strips of each. */
    public List<StudyView.AxisView> axes(long modelId) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        """
                                        SELECT a.axis_key, a.axis_class, a.rank, a.label,
                                               a.eigenvalue, a.alpha,
                                               (SELECT count(*) FROM strip x
                                                 WHERE x.axis_id = a.id) AS strips
                                        FROM axis a WHERE a.model_id = :model
                                        ORDER BY a.axis_class, a.rank
                                        """)
                                .bind("model", modelId)
                                .map(
                                        (rs, c) ->
                                                new StudyView.AxisView(
                                                        rs.getString("axis_key"),
                                                        rs.getString("axis_class"),
                                                        rs.getInt("rank"),
                                                        rs.getString("label"),
                                                        rs.getObject("eigenvalue", Double.class),
                                                        rs.getObject("alpha", Double.class),
                                                        rs.getLong("strips")))
                                .list());
    }

    public Optional<StimulusFrame> frame(long studyId, String path) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT path, sha256, media_type FROM frame"
                                                + " WHERE study_id = :study AND path = :path")
                                .bind("study", studyId)
                                .bind("path", path)
                                .map(
                                        (rs, c) ->
                                                new StimulusFrame(
                                                        rs.getString("path"),
                                                        rs.getString("sha256"),
                                                        rs.getString("media_type")))
                                .findFirst());
    }

    public long insertModel(
            long studyId,
            String modelKey,
            String label,
            String space,
            String exploration,
            double distance,
            Double matchedImageDistance,
            String imageDistance) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        """
                                        INSERT INTO study_model (study_id, model_key, label, space,
                                            exploration, distance, matched_image_distance,
                                            image_distance)
                                        VALUES (:study, :key, :label, :space, :exploration,
                                            :distance, :matched, :imageDistance)
                                        RETURNING id
                                        """)
                                .bind("study", studyId)
                                .bind("key", modelKey)
                                .bind("label", label)
                                .bind("space", space)
                                .bind("exploration", exploration)
                                .bind("distance", distance)
                                .bind("matched", matchedImageDistance)
                                .bind("imageDistance", imageDistance)
                                .mapTo(Long.class)
                                .one());
    }

    public long insertAxis(
            long modelId,
            String axisKey,
            String axisClass,
            int rank,
            String label,
            Double eigenvalue,
            Double alpha) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        """
                                        INSERT INTO axis (model_id, axis_key, axis_class, rank,
                                            label, eigenvalue, alpha)
                                        VALUES (:model, :key, :axisClass, :rank, :label,
                                            :eigenvalue, :alpha)
                                        RETURNING id
                                        """)
                                .bind("model", modelId)
                                .bind("key", axisKey)
                                .bind("axisClass", axisClass)
                                .bind("rank", rank)
                                .bind("label", label)
                                .bind("eigenvalue", eigenvalue)
                                .bind("alpha", alpha)
                                .mapTo(Long.class)
                                .one());
    }

    /**
     * Inserts a strip and its frames; the distances stay numbers ({@code double precision[]}).
     * {@code latentSteps} is null unless the model's steps are matched image distances.
     */
    public void insertStrip(
            long studyId,
            long axisId,
            int referenceIndex,
            List<Double> frameDistances,
            List<Double> latentSteps,
            List<NewFrame> frames) {
        jdbi.useHandle(
                h -> {
                    long stripId =
                            h.createQuery(
                                            """
                                            INSERT INTO strip (axis_id, reference_index,
                                                frame_distances, latent_steps)
                                            VALUES (:axis, :reference, :distances, :latent)
                                            RETURNING id
                                            """)
                                    .bind("axis", axisId)
                                    .bind("reference", referenceIndex)
                                    .bind(
                                            "distances",
                                            frameDistances.stream()
                                                    .mapToDouble(Double::doubleValue)
                                                    .toArray())
                                    .bind(
                                            "latent",
                                            latentSteps == null
                                                    ? null
                                                    : latentSteps.stream()
                                                            .mapToDouble(Double::doubleValue)
                                                            .toArray())
                                    .mapTo(Long.class)
                                    .one();
                    PreparedBatch batch =
                            h.prepareBatch(
                                    """
                                    INSERT INTO frame (study_id, strip_id, position, step, path,
                                        sha256, byte_size, media_type)
                                    VALUES (:study, :strip, :position, :step, :path, :sha256,
                                        :byteSize, :mediaType)
                                    """);
                    for (NewFrame frame : frames) {
                        batch.bind("study", studyId)
                                .bind("strip", stripId)
                                .bindMethods(frame)
                                .add();
                    }
                    if (!frames.isEmpty()) {
                        batch.execute();
                    }
                });
    }

    public void insertTrial(long studyId, long axisId, boolean isCatch) {
        jdbi.useHandle(
                h ->
                        h.createUpdate(
                                        "INSERT INTO trial (study_id, axis_id, is_catch)"
                                                + " VALUES (:study, :axis, :catch)")
                                .bind("study", studyId)
                                .bind("axis", axisId)
                                .bind("catch", isCatch)
                                .execute());
    }
}
