package org.eigenstudy.backend.statistics.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eigenstudy.studyconfig.model.AxisClass;

/** Per eigen-rank aggregate for the magnitude-against-rank plot. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RankPoint(
        AxisClass axisClass,
        int rank,
        long trials,
        double seenFraction,
        long magnitudeN,
        Double magnitudeMean,
        Double magnitudeSem) {}
