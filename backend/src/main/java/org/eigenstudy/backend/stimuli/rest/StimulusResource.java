package org.eigenstudy.backend.stimuli.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eigenstudy.backend.stimuli.service.StimulusImage;
import org.eigenstudy.backend.stimuli.service.StimulusService;
import org.eigenstudy.backend.web.EntityTags;

/**
 * Serves stimulus images. A version's files never change (they are checked against the manifest at
 * import), so browsers may cache them for a year; the ETag is the file's SHA-256.
 */
@Path(StimulusResource.BASE + "{slug}/{version}/{path: .+}")
public class StimulusResource {

    /** Where a study version's images are: {@code BASE + slug + "/" + version + "/" + path}. */
    static final String BASE = "/stimuli/";

    static final String CACHE = "public, max-age=31536000, immutable";

    @Inject StimulusService stimuli;

    @GET
    public Response image(
            @PathParam("slug") String slug,
            @PathParam("version") String version,
            @PathParam("path") String path,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        StimulusImage image = stimuli.image(slug, version, path);
        EntityTag tag = new EntityTag(image.sha256());
        if (EntityTags.matches(ifNoneMatch, image.sha256())) {
            return Response.notModified(tag).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
        }
        return Response.ok(image.file().toFile(), image.mediaType())
                .tag(tag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE)
                .build();
    }

    static String imageBase(String slug, int version) {
        return BASE + slug + "/" + version + "/";
    }
}
