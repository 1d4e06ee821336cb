package org.eigenstudy.backend.model.rest;

import io.quarkus.security.identity.SecurityIdentity;
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
import java.util.List;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.model.service.GeneratorModel;
import org.eigenstudy.backend.model.service.ModelService;
import org.eigenstudy.backend.model.service.ModelUpload;
import org.eigenstudy.backend.researcher.Roles;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Upload and list generator models; their sample grids. */
@Path("/api/researcher/models")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class ModelResource {

    @Inject ModelService models;
    @Inject SecurityIdentity identity;

    @GET
    public List<GeneratorModel> list() {
        return models.list();
    }

    /** 201 with the checked model; 200 with the one already stored for the same card. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("model") FileUpload model) {
        if (model == null) {
            throw DomainException.invalid(
                    "a .zip of model-card.json and its TorchScript modules in the form field"
                            + " 'model' is required",
                    "model",
                    "required");
        }
        ModelUpload upload =
                models.upload(
                        model.uploadedFile(), model.fileName(), identity.getPrincipal().getName());
        return Response.status(upload.created() ? 201 : 200).entity(upload.model()).build();
    }

    /** The prior samples the check drew, one row per latent space. */
    @GET
    @Path("/{id}/sample-grid.png")
    @Produces("image/png")
    public Response sampleGrid(@PathParam("id") long id) {
        return Response.ok(models.sampleGrid(id).toFile())
                .header("Cache-Control", "private, max-age=3600")
                .build();
    }
}
