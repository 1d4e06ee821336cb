package org.eigenstudy.backend.roster.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eigenstudy.backend.researcher.Roles;
import org.eigenstudy.backend.roster.service.RosterEntry;
import org.eigenstudy.backend.roster.service.RosterService;

/** A study's participant sessions and their exclusions. */
@Path("/api/researcher/studies/{id}/participants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class RosterResource {

    /** Why a session is left out of the analysis. */
    public record ExclusionRequest(String reason) {}

    @Inject RosterService roster;

    @GET
    public List<RosterEntry> list(
            @PathParam("id") long id, @QueryParam("revealIds") boolean revealIds) {
        return roster.list(id, revealIds);
    }

    @PUT
    @Path("/{session}/exclusion")
    public RosterEntry exclude(
            @PathParam("id") long id,
            @PathParam("session") long session,
            ExclusionRequest request) {
        return roster.exclude(id, session, request == null ? null : request.reason());
    }

    @DELETE
    @Path("/{session}/exclusion")
    public RosterEntry include(@PathParam("id") long id, @PathParam("session") long session) {
        return roster.include(id, session);
    }
}
