package org.eigenstudy.backend.directions.rest;

import io.quarkus.security.identity.SecurityIdentity;
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
import org.eigenstudy.backend.directions.service.DirectionFile;
import org.eigenstudy.backend.directions.service.DirectionFileService;
import org.eigenstudy.backend.directions.service.DirectionFileUpload;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.researcher.Roles;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Upload, list and delete the direction files study files import. */
@Path("/api/researcher/directions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class DirectionFileResource {

    @Inject DirectionFileService files;
    @Inject SecurityIdentity identity;

    @GET
    public List<DirectionFile> list() {
        return files.list();
    }

    /**
     * 201 with the checked file; 200 with the one already stored with the same content. The
     * optional {@code labels} part names a .npy file's vectors, one per line.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(
            @RestForm("directions") FileUpload directions,
            @RestForm(DirectionFileService.LABELS_FIELD) FileUpload labels) {
        if (directions == null) {
            throw DomainException.invalid(
                    "a .npy or .csv file of directions in the form field 'directions' is"
                            + " required",
                    DirectionFileService.FIELD,
                    "required");
        }
        DirectionFileUpload upload =
                files.upload(
                        directions.uploadedFile(),
                        directions.fileName(),
                        labels == null ? null : labels.uploadedFile(),
                        identity.getPrincipal().getName());
        return Response.status(upload.created() ? 201 : 200).entity(upload.file()).build();
    }

    /** 204; the file is gone, and study files that name it no longer validate. */
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        files.delete(id);
        return Response.noContent().build();
    }
}
