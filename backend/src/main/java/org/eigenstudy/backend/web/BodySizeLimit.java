package org.eigenstudy.backend.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses oversized bodies with a JSON 413 before they are read. Researcher imports carry a YAML
 * text and get a larger limit. It runs as the first HTTP route, ahead of the HTTP layer's own hard
 * limit ({@code quarkus.http.limits.max-body-size}), which would answer 413 with an empty body.
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigProperty(name = "eigenstudy.max-body-bytes", defaultValue = "65536")
    long maxBodyBytes;

    @ConfigProperty(name = "eigenstudy.max-import-body-bytes", defaultValue = "1048576")
    long maxImportBodyBytes;

    @Inject ObjectMapper mapper;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit =
                ctx.normalizedPath().startsWith("/api/researcher/")
                        ? maxImportBodyBytes
                        : maxBodyBytes;
        if (header == null || declaredLength(header) <= limit) {
            ctx.next();
            return;
        }
        ApiError error = ApiError.of("request body larger than " + limit + " bytes", null, "size");
        try {
            ctx.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(mapper.writeValueAsString(error));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
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
