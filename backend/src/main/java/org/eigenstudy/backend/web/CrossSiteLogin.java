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
 * Refuses a form login that a page of another site submitted (login CSRF: the browser would be
 * logged in to an account of the other site's choosing, and what the researcher then uploads or
 * imports lands there). Browsers name the site a request comes from in {@code Sec-Fetch-Site}; the
 * dashboard's own login is {@code same-origin}, and scripts (curl) send no such header. The
 * researcher API itself is guarded by {@code CsrfGuard}'s header, which form login cannot demand of
 * scripts without breaking them.
 */
@ApplicationScoped
public class CrossSiteLogin {

    static final String HEADER = "Sec-Fetch-Site";

    @ConfigProperty(
            name = "quarkus.http.auth.form.post-location",
            defaultValue = "/j_security_check")
    String postLocation;

    @Inject ObjectMapper mapper;

    void register(@Observes Router router) {
        router.post(postLocation).order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    /** Whether a request from {@code site} (the header's value, null if absent) may log in. */
    static boolean allowed(String site) {
        return site == null
                || site.equalsIgnoreCase("same-origin")
                || site.equalsIgnoreCase("none");
    }

    private void check(RoutingContext ctx) {
        if (allowed(ctx.request().getHeader(HEADER))) {
            ctx.next();
            return;
        }
        try {
            ctx.response()
                    .setStatusCode(403)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(
                            mapper.writeValueAsString(
                                    ApiError.of(
                                            "log in from this server's own login page",
                                            HEADER,
                                            "csrf")));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
