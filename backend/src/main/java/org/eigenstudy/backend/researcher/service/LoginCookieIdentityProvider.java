package org.eigenstudy.backend.researcher.service;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The encrypted login cookie names a user whose password was checked at login; each request reloads
 * the account, so a removed account or a changed role takes effect at once.
 */
@ApplicationScoped
public class LoginCookieIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject AccountService accounts;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(
                () ->
                        accounts.find(request.getPrincipal())
                                .map(PasswordIdentityProvider::identity)
                                .orElseThrow(AuthenticationFailedException::new));
    }
}
