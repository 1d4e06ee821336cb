package org.eigenstudy.backend.roster.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eigenstudy.backend.researcher.Roles;
import org.eigenstudy.backend.roster.service.PayoutService;

/** The approve/reject and bonus files for MTurk and Prolific bulk uploads. */
@Path("/api/researcher/studies/{id}/payouts")
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class PayoutResource {

    @Inject PayoutService payouts;

    @GET
    @Path("/{file}")
    public Response file(
            @PathParam("id") long id,
            @PathParam("file") String file,
            @QueryParam("amount") String amount) {
        PayoutService.Written written = payouts.write(id, file, amount);
        String type = file.endsWith(".txt") ? "text/plain" : "text/csv";
        return Response.ok(written.text(), type + "; charset=utf-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + written.fileName() + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
