package org.eigenstudy.backend.export;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.researcher.Roles;
import org.eigenstudy.backend.study.service.Study;
import org.eigenstudy.backend.study.service.StudyService;

/** Streamed downloads of a study's data. */
@Path("/api/researcher/studies/{id}/exports")
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class ExportResource {

    private static final String CSV = "text/csv; charset=utf-8";
    private static final String JSON = "application/json";

    @Inject AgroalDataSource dataSource;
    @Inject StudyService studies;

    @GET
    @Path("/{name}")
    public Response export(@PathParam("id") long id, @PathParam("name") String name) {
        Study study = studies.require(id);
        StreamingOutput body;
        String type;
        switch (name) {
            case "responses.csv" -> {
                body = QueryStream.csv(dataSource, ExportQueries.RESPONSES, id);
                type = CSV;
            }
            case "responses.json" -> {
                body = QueryStream.json(dataSource, ExportQueries.RESPONSES, id);
                type = JSON;
            }
            case "participants.csv" -> {
                body = QueryStream.csv(dataSource, ExportQueries.PARTICIPANTS, id);
                type = CSV;
            }
            case "stimuli.csv" -> {
                body = QueryStream.csv(dataSource, ExportQueries.STIMULI, id);
                type = CSV;
            }
            default -> throw DomainException.notFound("export '" + name + "'");
        }
        String file = study.stem() + "-" + name;
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
