package org.eigenstudy.backend.geometry.service;

import org.eigenstudy.studyconfig.sheets.ModelGeometrySummary;

/**
 * One model's researcher-only overview files: the names of its contact sheet and geometry plots in
 * {@code sheets/} (null when the folder lacks the file) and its geometry summary (null when
 * absent).
 */
public record ModelGeometry(
        String model,
        String label,
        String contactSheet,
        String spectrumPlot,
        String homogeneityPlot,
        ModelGeometrySummary summary) {}
