package org.eigenstudy.backend.statistics.rest;

import java.nio.charset.StandardCharsets;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.domain.DomainException.Kind;
import org.eigenstudy.backend.statistics.Measure;
import org.eigenstudy.backend.statistics.plot.Plots;
import org.eigenstudy.backend.statistics.report.AnalysisReport;
import org.eigenstudy.backend.statistics.report.GroupReport;

/**
 * A figure named by its file, {@code <measure>.<png|svg>}: bars of one measure per class and model,
 * or {@code rank} for magnitude against eigen-rank (the whole study, or one model).
 */
public record StatisticsPlot(String name, boolean png) {

    public static final String RANK = "rank";

    /** Parses a file name; 404 naming the file when the measure or the format is unknown. */
    public static StatisticsPlot parse(String file) {
        int dot = file.lastIndexOf('.');
        String name = dot < 0 ? file : file.substring(0, dot);
        String format = dot < 0 ? "" : file.substring(dot + 1);
        if (!(format.equals("png") || format.equals("svg"))) {
            throw notFound(file, "format must be png or svg");
        }
        if (!name.equals(RANK) && measure(name) == null) {
            throw notFound(file, "unknown measure '" + name + "'");
        }
        return new StatisticsPlot(name, format.equals("png"));
    }

    public String mediaType() {
        return png ? "image/png" : "image/svg+xml";
    }

    /** Draws the figure; {@code model} (rank plot only) selects one model's group. */
    public byte[] draw(AnalysisReport report, String model) {
        if (!name.equals(RANK)) {
            Measure measure = measure(name);
            return png
                    ? Plots.barsPng(report, measure)
                    : Plots.barsSvg(report, measure).getBytes(StandardCharsets.UTF_8);
        }
        GroupReport group = model == null ? report.overall() : group(report, model);
        return png ? Plots.rankPng(group) : Plots.rankSvg(group).getBytes(StandardCharsets.UTF_8);
    }

    private static GroupReport group(AnalysisReport report, String model) {
        return report.groups().stream()
                .filter(g -> model.equals(g.modelId()))
                .findFirst()
                .orElseThrow(
                        () ->
                                new DomainException(
                                        Kind.NOT_FOUND,
                                        "model '" + model + "' has no responses in this study",
                                        "model",
                                        "not-found"));
    }

    private static Measure measure(String key) {
        for (Measure m : Measure.values()) {
            if (m.key().equals(key)) {
                return m;
            }
        }
        return null;
    }

    private static DomainException notFound(String file, String why) {
        return new DomainException(
                Kind.NOT_FOUND, "plot '" + file + "' not found: " + why, "measure", "not-found");
    }
}
