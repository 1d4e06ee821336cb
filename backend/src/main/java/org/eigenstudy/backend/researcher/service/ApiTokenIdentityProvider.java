package org.eigenstudy.backend.researcher.service;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns a bearer token into the identity of the researcher who created it. */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenRequest> {

    /** Identity attribute holding the id of the token a request was authenticated with. */
    public static final String TOKEN_ID = "api-token-id";

    @Inject TokenService tokens;

    @Override
    public Class<ApiTokenRequest> getRequestType() {
        return ApiTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            ApiTokenRequest request, AuthenticationRequestContext context) {
        // The lookup is JDBC: run it on a worker thread, never on the event loop.
        return context.runBlocking(
                () -> {
                    TokenService.Use use =
                            tokens.use(request.token())
                                    .orElseThrow(AuthenticationFailedException::new);
                    return QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal(use.owner().username()))
                            .addRole(use.owner().role())
                            .addAttribute(TOKEN_ID, use.token().id())
                            .build();
                });
    }
}
