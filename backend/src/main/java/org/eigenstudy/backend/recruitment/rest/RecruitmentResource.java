package org.eigenstudy.backend.recruitment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eigenstudy.backend.recruitment.service.Recruitment;
import org.eigenstudy.backend.recruitment.service.RecruitmentService;
import org.eigenstudy.backend.researcher.Roles;

/** MTurk's ExternalQuestion and Prolific's study URL for a study version. */
@Path("/api/researcher/studies/{id}/recruitment")
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class RecruitmentResource {

    @Inject RecruitmentService service;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Recruitment recruitment(@PathParam("id") long id) {
        return service.of(id);
    }
}
