package org.eigenstudy.backend.bundle.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eigenstudy.backend.bundle.service.BundleUpload;
import org.eigenstudy.backend.bundle.service.StimulusBundle;
import org.eigenstudy.backend.bundle.service.StimulusBundleService;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.researcher.Roles;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Upload and list stimulus bundles. The HTTP layer streams the multipart file to disk (never into
 * memory) within {@code eigenstudy.max-upload-bytes}; the service unpacks and verifies it.
 */
@Path("/api/researcher/bundles")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class StimulusBundleResource {

    @Inject StimulusBundleService bundles;
    @Inject SecurityIdentity identity;

    @GET
    public List<StimulusBundle> list() {
        return bundles.list();
    }

    /** 201 with the stored bundle; 200 with the one already stored when its manifest is known. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("bundle") FileUpload bundle) {
        if (bundle == null) {
            throw DomainException.invalid(
                    "a .zip file in the form field 'bundle' is required", "bundle", "required");
        }
        BundleUpload upload =
                bundles.upload(
                        bundle.uploadedFile(),
                        bundle.fileName(),
                        identity.getPrincipal().getName());
        return Response.status(upload.created() ? 201 : 200).entity(upload.bundle()).build();
    }
}
