package org.eigenstudy.backend.study.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.researcher.Roles;
import org.eigenstudy.backend.study.service.Study;
import org.eigenstudy.backend.study.service.StudyImportService;
import org.eigenstudy.backend.study.service.StudyService;
import org.eigenstudy.backend.study.service.StudyView;

/** Import and list studies, pilot, open, close and reopen them; read a config; delete a draft. */
@Path("/api/researcher/studies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class ResearcherStudyResource {

    @Inject StudyService studies;
    @Inject StudyImportService importer;

    @GET
    public List<StudyView> list() {
        return studies.list();
    }

    @GET
    @Path("/{id}")
    public StudyView get(@PathParam("id") long id) {
        return studies.get(id);
    }

    /** The study file the study was imported from, as it was sent. */
    @GET
    @Path("/{id}/config.yaml")
    @Produces("application/yaml")
    public String config(@PathParam("id") long id) {
        return studies.configYaml(id);
    }

    @POST
    public Response importStudy(ImportRequest request) {
        if (request == null) {
            throw DomainException.invalid("request body is required", null, "required");
        }
        Study study =
                importer.importStudy(
                        request.configPath(),
                        request.configYaml(),
                        request.stimuliDir(),
                        request.bundle(),
                        request.stimuliOf());
        return Response.status(201).entity(studies.get(study.id())).build();
    }

    /** Draft → pilot: the link works, sessions are marked pilot. */
    @POST
    @Path("/{id}/pilot")
    public StudyView pilot(@PathParam("id") long id) {
        return studies.pilot(id);
    }

    /** Draft or pilot → open; a closed study is reopened as the same version. */
    @POST
    @Path("/{id}/open")
    public StudyView open(@PathParam("id") long id) {
        return studies.open(id);
    }

    /** Deletes a draft (204); 409 for an open or closed study. */
    @DELETE
    @Path("/{id}")
    public Response deleteDraft(@PathParam("id") long id) {
        studies.deleteDraft(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/close")
    public StudyView close(@PathParam("id") long id) {
        return studies.close(id);
    }
}
