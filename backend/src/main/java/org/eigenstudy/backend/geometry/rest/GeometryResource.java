package org.eigenstudy.backend.geometry.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eigenstudy.backend.geometry.service.GeometryService;
import org.eigenstudy.backend.geometry.service.SheetImage;
import org.eigenstudy.backend.researcher.Roles;
import org.eigenstudy.backend.web.EntityTags;

/** The model-level views of a study's stimuli: contact sheets and geometry plots, per model. */
@Path("/api/researcher/studies/{id}/geometry")
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class GeometryResource {

    /**
     * Sheets are behind the login, so only the browser may cache them ("private"). A study
     * version's stimuli folder is regenerated only byte-identically (the pipeline is deterministic
     * and the config hash is pinned at import), but these files are not checksummed by the import,
     * so the ETag is their current SHA-256 rather than a stored one.
     */
    static final String CACHE = "private, max-age=31536000, immutable";

    @Inject GeometryService geometry;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ModelGeometryView> models(@PathParam("id") long id) {
        String sheets = "/api/researcher/studies/" + id + "/geometry/sheets/";
        return geometry.models(id).stream().map(g -> ModelGeometryView.of(g, sheets)).toList();
    }

    @GET
    @Path("/sheets/{file}")
    @Produces("image/png")
    public Response sheet(
            @PathParam("id") long id,
            @PathParam("file") String file,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        SheetImage image = geometry.image(id, file);
        EntityTag tag = new EntityTag(image.sha256());
        if (EntityTags.matches(ifNoneMatch, image.sha256())) {
            return Response.notModified(tag).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
        }
        return Response.ok(image.file().toFile(), "image/png")
                .tag(tag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE)
                .build();
    }
}
