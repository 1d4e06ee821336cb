package org.eigenstudy.backend.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Marks the login cookie {@code Secure} whenever the server is reached over HTTPS, even where TLS
 * ends before the server. Quarkus's form login sets {@code Secure} only when the request itself was
 * HTTPS, or (with {@code EIGENSTUDY_BEHIND_PROXY=true}) when the proxy said so in {@code
 * X-Forwarded-Proto}; a proxy that leaves the header out, or a deployment that does not trust proxy
 * headers, would get a cookie the browser also sends over plain HTTP. {@code
 * EIGENSTUDY_SECURE_COOKIES} decides; left unset, the cookie is {@code Secure} when {@code
 * EIGENSTUDY_PUBLIC_URL} is an {@code https://} address (the Kubernetes deployment, compose behind
 * a TLS proxy) and not for {@code ./eigenstudy run} on {@code http://localhost}.
 */
@ApplicationScoped
public class SecureCookies {

    @ConfigProperty(name = "eigenstudy.secure-cookies")
    Optional<Boolean> configured;

    @ConfigProperty(name = "eigenstudy.public-url")
    String publicUrl;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String cookieName;

    /** {@code configured} when set, else whether the public address is HTTPS. */
    static boolean enabled(Optional<Boolean> configured, String publicUrl) {
        return configured.orElseGet(
                () -> publicUrl != null && publicUrl.regionMatches(true, 0, "https://", 0, 8));
    }

    void register(@Observes Router router) {
        if (!enabled(configured, publicUrl)) {
            return;
        }
        // Right after BodySizeLimit's check; the headers-end handler runs however the answer ends.
        router.route()
                .order(Integer.MIN_VALUE + 1)
                .handler(
                        ctx -> {
                            ctx.addHeadersEndHandler(v -> markSecure(ctx.request(), cookieName));
                            ctx.next();
                        });
    }

    /**
     * Sets {@code Secure} on every cookie named {@code name} that this answer sets or removes; the
     * cookies the browser sent (in the same jar) are left alone, so they are not sent back.
     */
    static void markSecure(HttpServerRequest request, String name) {
        for (Cookie cookie : request.cookies(name)) {
            if (cookie instanceof ServerCookie set && set.isChanged()) {
                cookie.setSecure(true);
            }
        }
    }
}
