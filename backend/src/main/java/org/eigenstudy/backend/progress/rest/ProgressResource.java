package org.eigenstudy.backend.progress.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eigenstudy.backend.progress.service.Progress;
import org.eigenstudy.backend.progress.service.ProgressService;
import org.eigenstudy.backend.researcher.Roles;

/** How far a study has come, for the dashboard's live view. */
@Path("/api/researcher/studies/{id}/progress")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class ProgressResource {

    @Inject ProgressService progress;

    @GET
    public Progress progress(@PathParam("id") long id) {
        return progress.progress(id);
    }
}
