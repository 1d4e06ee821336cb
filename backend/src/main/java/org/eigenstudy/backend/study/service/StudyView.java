package org.eigenstudy.backend.study.service;

import java.time.OffsetDateTime;
import java.util.List;
import org.eigenstudy.backend.study.StudyDesign;

/** A study version as researchers see it. {@code models} is filled only for a single study. */
public record StudyView(
        long id,
        String slug,
        int version,
        String title,
        String state,
        OffsetDateTime createdAt,
        OffsetDateTime openedAt,
        OffsetDateTime closedAt,
        String manifestSha256,
        String participantUrl,
        StudyDesign design,
        String completionCode,
        List<ModelView> models) {

    /** A model with its axes. */
    public record ModelView(
            String id,
            String label,
            String space,
            String exploration,
            double distance,
            List<AxisView> axes) {}

    /** An axis and how many reference strips it has. */
    /** One axis; {@code label} names an imported direction (null for every other class). */
    public record AxisView(
            String id,
            String axisClass,
            int rank,
            String label,
            Double eigenvalue,
            Double alpha,
            long strips) {}

    public static StudyView of(Study study, List<ModelView> models) {
        return new StudyView(
                study.id(),
                study.slug(),
                study.version(),
                study.title(),
                study.state().dbValue(),
                study.createdAt(),
                study.openedAt(),
                study.closedAt(),
                study.manifestSha256(),
                "/study/" + study.slug(),
                study.design(),
                study.completionCode(),
                models);
    }
}
