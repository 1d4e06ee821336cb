package org.eigenstudy.backend.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses oversized bodies with a JSON 413 before they are read, with a limit per kind of route:
 * participants' calls are small, researcher calls may carry a study's YAML, uploads (stimulus
 * bundles, models) are files streamed to disk, and direction files have a limit of their own. It
 * runs as the first HTTP route, ahead of the HTTP layer's own limit ({@code
 * quarkus.http.limits.max-body-size}, set to the upload limit), which would answer 413 with an
 * empty body. A body without a declared length (chunked) cannot be judged up front: the route's
 * limit is handed to the body reader instead, which stops reading at it.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** The routing-context key the HTTP layer's body readers take their limit from. */
    private static final String READER_LIMIT = "io.quarkus.max-request-size";

    /** Routes that take file uploads. */
    private static final Set<String> UPLOADS =
            Set.of("/api/researcher/bundles", "/api/researcher/models");

    @ConfigProperty(name = "eigenstudy.max-body-bytes", defaultValue = "65536")
    long maxBodyBytes;

    @ConfigProperty(name = "eigenstudy.max-import-body-bytes", defaultValue = "1048576")
    long maxImportBodyBytes;

    @ConfigProperty(name = "eigenstudy.max-upload-bytes", defaultValue = "2147483648")
    long maxUploadBytes;

    /** Direction files: the file's own limit and room for the multipart framing. */
    private static final String DIRECTIONS = "/api/researcher/directions";

    private static final long MULTIPART_FRAMING = 16 * 1024;

    @ConfigProperty(name = "eigenstudy.directions.max-bytes", defaultValue = "16777216")
    long maxDirectionsBytes;

    @Inject ObjectMapper mapper;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
        // After the HTTP layer's own limit handler (order -2), which sets its global limit for
        // chunked bodies; this one narrows it to the route's.
        router.route().order(-1).handler(this::limitReader);
    }

    private long limit(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (UPLOADS.contains(path)) {
            return maxUploadBytes;
        }
        if (path.equals(DIRECTIONS)) {
            return maxDirectionsBytes + MULTIPART_FRAMING;
        }
        return path.startsWith("/api/researcher/") ? maxImportBodyBytes : maxBodyBytes;
    }

    private void check(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = limit(ctx);
        if (header == null
                && limit == maxUploadBytes
                && ctx.request().method() == HttpMethod.POST) {
            // A file of unknown size could only be refused half-way, without a JSON answer;
            // browsers and curl always send the length of a file they upload.
            refuse(ctx, 411, "an upload needs a Content-Length header", "length-required");
        } else if (header == null || declaredLength(header) <= limit) {
            ctx.next();
        } else {
            refuse(ctx, 413, "request body larger than " + limit + " bytes", "size");
        }
    }

    private void refuse(RoutingContext ctx, int status, String message, String rule) {
        try {
            ctx.response()
                    .setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(mapper.writeValueAsString(ApiError.of(message, null, rule)));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    private void limitReader(RoutingContext ctx) {
        if (ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            ctx.put(READER_LIMIT, limit(ctx));
        }
        ctx.next();
    }

    /** A malformed length counts as too large: the HTTP layer would refuse it anyway. */
    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
