package org.eigenstudy.backend.model.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eigenstudy.backend.model.service.Exploration;
import org.eigenstudy.backend.model.service.ExplorationRequest;
import org.eigenstudy.backend.model.service.ExplorationService;
import org.eigenstudy.backend.researcher.Roles;

/** The axis explorer: a model's candidate directions walked from one reference code. */
@Path("/api/researcher/models/{id}/explorations")
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class ExplorationResource {

    @Inject ExplorationService explorations;

    /** 200 with the frames' URLs and distances (computed on the first request, then kept). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Exploration explore(@PathParam("id") long id, ExplorationRequest request) {
        if (request == null) {
            throw org.eigenstudy.backend.domain.DomainException.invalid(
                    "a JSON body {space, method, count, frames, distance, seed} is required",
                    "body",
                    "required");
        }
        return explorations.explore(id, request);
    }

    /** One frame; the key in the URL names the card, the request and the CLI that made it. */
    @GET
    @Path("/{key}/{file}")
    @Produces("image/png")
    public Response frame(
            @PathParam("id") long id,
            @PathParam("key") String key,
            @PathParam("file") String file) {
        return Response.ok(explorations.frame(id, key, file).toFile())
                .header("Cache-Control", "private, max-age=86400, immutable")
                .build();
    }
}
