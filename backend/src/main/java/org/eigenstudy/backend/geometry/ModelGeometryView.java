package org.eigenstudy.backend.geometry;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One model's researcher-only overview files: URLs of its contact sheet and geometry plots (null
 * when the stimuli folder lacks the file) and its geometry summary as geometry-core wrote it.
 */
public record ModelGeometryView(
        String model,
        String label,
        String contactSheet,
        String spectrumPlot,
        String homogeneityPlot,
        JsonNode summary) {}
