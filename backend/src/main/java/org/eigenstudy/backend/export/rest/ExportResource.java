package org.eigenstudy.backend.export.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eigenstudy.backend.export.service.ExportService;
import org.eigenstudy.backend.researcher.Roles;

/** Streamed downloads of a study's data. */
@Path("/api/researcher/studies/{id}/exports")
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class ExportResource {

    private static final String CSV = "text/csv; charset=utf-8";
    private static final String JSON = "application/json";

    @Inject ExportService exports;

    @GET
    @Path("/{name}")
    public Response export(@PathParam("id") long id, @PathParam("name") String name) {
        ExportService.Download download = exports.download(id, name);
        StreamingOutput body = download.body()::writeTo;
        String type = download.format() == ExportService.Format.JSON ? JSON : CSV;
        return Response.ok(body, type)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + download.fileName() + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
