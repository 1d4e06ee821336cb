package org.eigenstudy.backend.stimuli;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.study.Frame;
import org.eigenstudy.backend.study.Study;

/**
 * Serves stimulus images. A version's files never change (they are checked against the manifest at
 * import), so browsers may cache them for a year; the ETag is the file's SHA-256.
 */
@Path("/stimuli/{slug}/{version}/{path: .+}")
public class StimulusResource {

    static final String CACHE = "public, max-age=31536000, immutable";

    @GET
    @Transactional
    public Response image(
            @PathParam("slug") String slug,
            @PathParam("version") String version,
            @PathParam("path") String path,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Study study =
                Study.findVersion(slug, parseVersion(version))
                        .orElseThrow(() -> DomainException.notFound("image"));
        Frame frame =
                Frame.findByPath(study.id, path)
                        .orElseThrow(() -> DomainException.notFound("image"));
        EntityTag tag = new EntityTag(frame.sha256);
        if (matches(ifNoneMatch, frame.sha256)) {
            return Response.notModified(tag).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
        }
        java.nio.file.Path file = java.nio.file.Path.of(study.stimuliDir).resolve(frame.path);
        if (!Files.isRegularFile(file)) {
            throw DomainException.notFound("image file");
        }
        return Response.ok(file.toFile(), frame.mediaType)
                .tag(tag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE)
                .build();
    }

    private static int parseVersion(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw DomainException.notFound("image");
        }
    }

    private static boolean matches(String ifNoneMatch, String sha256) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.trim();
            if (value.equals("*") || value.equals("\"" + sha256 + "\"")) {
                return true;
            }
        }
        return false;
    }
}
