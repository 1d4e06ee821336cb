package org.eigenstudy.backend.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses oversized bodies with a JSON 413 before they are parsed. Researcher imports carry a YAML
 * text and get a larger limit; the HTTP layer's own hard limit ({@code
 * quarkus.http.limits.max-body-size}) stops anything bigger.
 */
@Provider
public class BodySizeLimit implements ContainerRequestFilter {

    @ConfigProperty(name = "eigenstudy.max-body-bytes", defaultValue = "65536")
    long maxBodyBytes;

    @ConfigProperty(name = "eigenstudy.max-import-body-bytes", defaultValue = "1048576")
    long maxImportBodyBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        int length = request.getLength();
        String path = request.getUriInfo().getPath();
        long limit = path.startsWith("/api/researcher/") ? maxImportBodyBytes : maxBodyBytes;
        if (length > limit) {
            throw new ApiException(
                    413, "request body larger than " + limit + " bytes", null, "size");
        }
    }
}
