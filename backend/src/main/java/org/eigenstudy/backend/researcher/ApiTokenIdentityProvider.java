package org.eigenstudy.backend.researcher;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eigenstudy.studyconfig.manifest.Sha256;

/** Turns a bearer token into the identity of the researcher who created it. */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenRequest> {

    static final String TOKEN_ID = "api-token-id";

    @Override
    public Class<ApiTokenRequest> getRequestType() {
        return ApiTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            ApiTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> lookup(request.token()));
    }

    @ActivateRequestContext
    SecurityIdentity lookup(String token) {
        return QuarkusTransaction.requiringNew()
                .call(
                        () -> {
                            ApiToken apiToken =
                                    ApiToken.findByHash(Sha256.of(token))
                                            .orElseThrow(AuthenticationFailedException::new);
                            Researcher researcher = Researcher.findById(apiToken.researcherId);
                            apiToken.lastUsedAt = OffsetDateTime.now(ZoneOffset.UTC);
                            return QuarkusSecurityIdentity.builder()
                                    .setPrincipal(new QuarkusPrincipal(researcher.username))
                                    .addRole(researcher.role)
                                    .addAttribute(TOKEN_ID, apiToken.id)
                                    .build();
                        });
    }
}
