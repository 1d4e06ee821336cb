package org.eigenstudy.backend.researcher.rest;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eigenstudy.backend.researcher.service.ApiTokenRequest;

/**
 * Reads {@code Authorization: Bearer ...}; requests without it fall through to form login. It runs
 * before form login (a higher priority; at equal priority Quarkus's order is arbitrary), so a
 * request that carries a bearer token is decided by that token alone: a forged one is a 401 even
 * next to a valid login cookie, and {@code CsrfGuard}, which lets bearer requests pass without its
 * header, can never let a cookie-authenticated request through.
 */
@ApplicationScoped
public class ApiTokenMechanism implements HttpAuthenticationMechanism {

    static final String PREFIX = "Bearer ";

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100; // form login: quarkus.http.auth.form.priority, 1000
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(
                new ApiTokenRequest(header.substring(PREFIX.length()).trim()));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, null, null));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiTokenRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom()
                .item(
                        new HttpCredentialTransport(
                                HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }
}
