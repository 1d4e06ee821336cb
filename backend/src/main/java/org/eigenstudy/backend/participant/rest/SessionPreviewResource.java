package org.eigenstudy.backend.participant.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eigenstudy.backend.participant.service.SessionService;
import org.eigenstudy.backend.participant.service.SessionView;
import org.eigenstudy.backend.researcher.Roles;

/**
 * "Preview as participant" for researchers: a session as a participant would get it now, in any
 * study state, with nothing stored. The participant page runs it in its preview mode.
 */
@Path("/api/researcher/studies/{id}/preview-session")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class SessionPreviewResource {

    @Inject SessionService sessions;

    @GET
    public SessionView preview(@PathParam("id") long id) {
        return sessions.preview(id);
    }
}
