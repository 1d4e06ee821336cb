package org.eigenstudy.backend.researcher.service;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Form login ({@code j_security_check}): username and password against the bcrypt hash, at most
 * {@link LoginGuard#FAILURES} failures per user name in {@link LoginGuard#WINDOW}.
 */
@ApplicationScoped
public class PasswordIdentityProvider
        implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject AccountService accounts;
    @Inject LoginGuard guard;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        // bcrypt is deliberately slow and the lookup is JDBC: both belong on a worker thread.
        return context.runBlocking(
                () -> {
                    String username = request.getUsername();
                    if (guard.blocked(username)) {
                        throw new AuthenticationFailedException();
                    }
                    return accounts.verify(
                                    username, new String(request.getPassword().getPassword()))
                            .map(PasswordIdentityProvider::identity)
                            .orElseThrow(
                                    () -> {
                                        guard.failed(username);
                                        return new AuthenticationFailedException();
                                    });
                });
    }

    static SecurityIdentity identity(Researcher researcher) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(researcher.username()))
                .addRole(researcher.role())
                .build();
    }
}
