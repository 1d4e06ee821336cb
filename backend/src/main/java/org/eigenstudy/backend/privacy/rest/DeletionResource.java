package org.eigenstudy.backend.privacy.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eigenstudy.backend.privacy.service.Deletion;
import org.eigenstudy.backend.privacy.service.ErasureService;
import org.eigenstudy.backend.researcher.Roles;

/** A researcher deletes a participant's data from a study, and reads the study's deletion log. */
@Path("/api/researcher/studies/{id}/deletions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class DeletionResource {

    /** The participant, by exactly one of their platform id and their withdrawal code. */
    public record DeletionRequest(String externalId, String withdrawalCode) {}

    @Inject ErasureService erasure;

    @POST
    public Deletion delete(@PathParam("id") long id, DeletionRequest request) {
        return request == null
                ? erasure.delete(id, null, null)
                : erasure.delete(id, request.externalId(), request.withdrawalCode());
    }

    @GET
    public List<Deletion> log(@PathParam("id") long id) {
        return erasure.log(id);
    }
}
