package org.eigenstudy.backend.statistics.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.researcher.Roles;
import org.eigenstudy.backend.statistics.report.AnalysisReport;
import org.eigenstudy.backend.statistics.service.StatisticsParameters;
import org.eigenstudy.backend.statistics.service.StatisticsService;
import org.eigenstudy.backend.statistics.tables.AxesCsv;
import org.eigenstudy.backend.statistics.tables.CsvExporter;
import org.eigenstudy.backend.statistics.tables.LatexExporter;
import org.eigenstudy.backend.statistics.tables.MarkdownExporter;

/**
 * A study's statistics as JSON (the dashboard), as CSV / Markdown / LaTeX tables and as figures.
 * The class path is a pattern because the table files ({@code statistics.csv}) sit beside {@code
 * statistics} rather than under it; a plain {@code /studies/{id}} class path would also capture the
 * other study resources' URLs.
 */
@Path("/api/researcher/studies/{id}/{file: statistics(?:\\.csv|\\.md|\\.tex)?}")
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class StatisticsResource {

    @Inject StatisticsService service;

    @QueryParam(StatisticsParameters.MAX_FAILED)
    String maxFailedCatchTrials;

    @QueryParam(StatisticsParameters.RESAMPLES)
    String resamples;

    @QueryParam(StatisticsParameters.SEED)
    String seed;

    @GET
    public Response report(@PathParam("id") long id, @PathParam("file") String file) {
        StatisticsService.Analysed analysed = service.analyse(id, parameters());
        AnalysisReport report = analysed.report();
        return switch (file) {
            case "statistics.csv" ->
                    download(CsvExporter.export(report), "text/csv; charset=utf-8", analysed, file);
            case "statistics.md" ->
                    download(
                            MarkdownExporter.export(report),
                            "text/markdown; charset=utf-8",
                            analysed,
                            file);
            case "statistics.tex" ->
                    download(
                            LatexExporter.export(report),
                            "application/x-tex; charset=utf-8",
                            analysed,
                            file);
            default ->
                    Response.ok(report, MediaType.APPLICATION_JSON_TYPE)
                            .header("Cache-Control", "no-store")
                            .build();
        };
    }

    /** The per-axis table of the headline as CSV. */
    @GET
    @Path("/axes.csv")
    public Response axes(@PathParam("id") long id, @PathParam("file") String file) {
        if (!file.equals("statistics")) {
            throw DomainException.notFound("'" + file + "/axes.csv'");
        }
        StatisticsService.Analysed analysed = service.analyse(id, parameters());
        return download(
                AxesCsv.export(analysed.report()),
                "text/csv; charset=utf-8",
                analysed,
                "statistics-axes.csv");
    }

    @GET
    @Path("/plots/{plot}")
    public Response plot(
            @PathParam("id") long id,
            @PathParam("file") String file,
            @PathParam("plot") String plotFile,
            @QueryParam("model") String model) {
        if (!file.equals("statistics")) {
            throw DomainException.notFound("'" + file + "/plots/" + plotFile + "'");
        }
        StatisticsPlot plot = StatisticsPlot.parse(plotFile);
        StatisticsService.Analysed analysed = service.analyse(id, parameters());
        return Response.ok(plot.draw(analysed.report(), model), plot.mediaType())
                .header("Cache-Control", "no-store")
                .build();
    }

    private StatisticsParameters parameters() {
        return new StatisticsParameters(maxFailedCatchTrials, resamples, seed);
    }

    private static Response download(
            String body, String type, StatisticsService.Analysed analysed, String file) {
        String name = analysed.stem() + "-" + file;
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
