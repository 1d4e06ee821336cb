package org.eigenstudy.backend.participant.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eigenstudy.backend.participant.service.OpenStudyService;
import org.eigenstudy.backend.participant.service.StudySummary;

/** What anyone may see of an open study, including the MTurk preview. */
@Path("/api/participant/studies/{slug}")
@Produces(MediaType.APPLICATION_JSON)
public class ParticipantStudyResource {

    @Inject OpenStudyService studies;

    @GET
    public StudySummary summary(@PathParam("slug") String slug) {
        return studies.summary(slug);
    }

    @GET
    @Path("/preview")
    public OpenStudyService.Preview preview(@PathParam("slug") String slug) {
        return studies.preview(slug);
    }
}
