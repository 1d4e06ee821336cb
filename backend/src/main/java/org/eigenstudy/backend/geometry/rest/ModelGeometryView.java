package org.eigenstudy.backend.geometry.rest;

import org.eigenstudy.backend.geometry.service.ModelGeometry;
import org.eigenstudy.studyconfig.sheets.ModelGeometrySummary;

/**
 * One model's overview files as the dashboard gets them: URLs of its contact sheet and geometry
 * plots (null when the stimuli folder lacks the file) and its typed geometry summary.
 */
public record ModelGeometryView(
        String model,
        String label,
        String contactSheet,
        String spectrumPlot,
        String homogeneityPlot,
        ModelGeometrySummary summary) {

    static ModelGeometryView of(ModelGeometry g, String sheetsUrl) {
        return new ModelGeometryView(
                g.model(),
                g.label(),
                url(sheetsUrl, g.contactSheet()),
                url(sheetsUrl, g.spectrumPlot()),
                url(sheetsUrl, g.homogeneityPlot()),
                g.summary());
    }

    private static String url(String base, String name) {
        return name == null ? null : base + name;
    }
}
