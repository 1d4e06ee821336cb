package org.eigenstudy.backend.researcher.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.domain.DomainException.Kind;

/**
 * Cross-site request forgery guard for the cookie-authenticated dashboard. Besides the
 * SameSite=Strict session cookie, state-changing researcher calls that carry the cookie must send
 * {@code X-Requested-With: eigenstudy}: a page on another site cannot add that header without a
 * CORS preflight, which this server never grants. Bearer-token calls carry no ambient credential
 * and need no header.
 */
@Provider
public class CsrfGuard implements ContainerRequestFilter {

    public static final String HEADER = "X-Requested-With";
    public static final String VALUE = "eigenstudy";
    public static final String COOKIE = "eigenstudy-session";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())
                || !request.getUriInfo().getPath().startsWith("/api/researcher")
                || !request.getCookies().containsKey(COOKIE)) {
            return;
        }
        String authorization = request.getHeaderString("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return;
        }
        if (!VALUE.equals(request.getHeaderString(HEADER))) {
            throw new DomainException(
                    Kind.FORBIDDEN,
                    "state-changing dashboard requests need the header " + HEADER + ": " + VALUE,
                    HEADER,
                    "csrf");
        }
    }
}
