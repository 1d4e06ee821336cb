package org.eigenstudy.backend.statistics.planning.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eigenstudy.backend.researcher.Roles;
import org.eigenstudy.backend.statistics.planning.PowerReport;
import org.eigenstudy.backend.statistics.planning.service.PowerRequest;
import org.eigenstudy.backend.statistics.planning.service.PowerService;

/** Sample-size planning: the power of the class contrasts for a grid of study sizes. */
@Path("/api/researcher/studies/{id}/statistics/power")
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class PowerResource {

    @Inject PowerService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public PowerReport power(@PathParam("id") long id, PowerRequest request) {
        return service.power(
                id, request == null ? new PowerRequest(null, null, null, null, null) : request);
    }
}
