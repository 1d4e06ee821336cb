package org.eigenstudy.studyconfig.sheets;

import java.util.List;

/**
 * The names of the researcher-only files geometry-core writes per model into a stimuli folder's
 * {@code sheets/}: the contact sheet, the spectrum and homogeneity plots (PNG) and the geometry
 * summary (JSON, {@link ModelGeometrySummary}). They are not in the manifest, so the backend's
 * import does not verify them; the backend serves only these names, for the study's own models.
 */
public final class SheetFiles {
    /** The folder inside a stimuli folder. */
    public static final String FOLDER = "sheets";

    private static final String CONTACT_SHEET = ".png";
    private static final String SPECTRUM_PLOT = "-spectrum.png";
    private static final String HOMOGENEITY_PLOT = "-homogeneity.png";
    private static final String SUMMARY = "-geometry.json";

    private SheetFiles() {}

    /** {@code <model>.png}: one row per axis with its strips and distance curve. */
    public static String contactSheet(String model) {
        return model + CONTACT_SHEET;
    }

    /** {@code <model>-spectrum.png}: mean eigenvalue by rank, log scale, 5–95 % band. */
    public static String spectrumPlot(String model) {
        return model + SPECTRUM_PLOT;
    }

    /** {@code <model>-homogeneity.png}: histogram of C^H over ordered pairs of points. */
    public static String homogeneityPlot(String model) {
        return model + HOMOGENEITY_PLOT;
    }

    /** {@code <model>-geometry.json}: the {@link ModelGeometrySummary}. */
    public static String summary(String model) {
        return model + SUMMARY;
    }

    /** The model's images, in the order the dashboard shows them. */
    public static List<String> images(String model) {
        return List.of(contactSheet(model), spectrumPlot(model), homogeneityPlot(model));
    }

    /** The model's plots that geometry-core computes with the summary (not the contact sheet). */
    public static List<String> geometryFiles(String model) {
        return List.of(spectrumPlot(model), homogeneityPlot(model), summary(model));
    }
}
