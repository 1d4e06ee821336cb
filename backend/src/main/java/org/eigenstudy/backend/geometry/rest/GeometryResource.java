package org.eigenstudy.backend.geometry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.eigenstudy.backend.crypto.Secrets;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.researcher.Roles;
import org.eigenstudy.backend.study.Study;
import org.eigenstudy.backend.study.StudyService;

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

    @Inject SheetFiles sheets;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public List<ModelGeometryView> models(@PathParam("id") long id) {
        return sheets.views(StudyService.require(id, false));
    }

    @GET
    @Path("/sheets/{file}")
    @Produces("image/png")
    @Transactional
    public Response sheet(
            @PathParam("id") long id,
            @PathParam("file") String file,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Study study = StudyService.require(id, false);
        java.nio.file.Path png =
                sheets.png(study, file)
                        .orElseThrow(() -> DomainException.notFound("sheet " + file));
        String sha256;
        try {
            sha256 = Secrets.sha256Hex(png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EntityTag tag = new EntityTag(sha256);
        if (("\"" + sha256 + "\"").equals(ifNoneMatch)) {
            return Response.notModified(tag).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
        }
        return Response.ok(png.toFile(), "image/png")
                .tag(tag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE)
                .build();
    }
}
