package org.eigenstudy.backend.researcher;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import org.eigenstudy.backend.crypto.Secrets;
import org.eigenstudy.backend.domain.Checks;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.studyconfig.manifest.Sha256;

/** API tokens for scripts. The token text is returned once, at creation. */
@Path("/api/researcher/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class TokenResource {

    static final String PREFIX = "est_";

    @Inject SecurityIdentity identity;

    /** A token as listed. */
    public record TokenInfo(
            long id, String name, OffsetDateTime createdAt, OffsetDateTime lastUsedAt) {}

    /** A new token's name. */
    public record NewToken(String name) {}

    /** A token just created, with its secret. */
    public record CreatedToken(long id, String name, String token) {}

    @GET
    @Transactional
    public List<TokenInfo> list() {
        return ApiToken.forResearcher(current().id).stream()
                .map(t -> new TokenInfo(t.id, t.name, t.createdAt, t.lastUsedAt))
                .toList();
    }

    @POST
    @Transactional
    public Response create(NewToken request) {
        Checks checks = new Checks();
        checks.requiredText("name", request == null ? null : request.name(), 100);
        checks.throwIfAny();
        String secret = PREFIX + Secrets.token(32);
        ApiToken token = new ApiToken();
        token.researcherId = current().id;
        token.name = request.name();
        token.tokenSha256 = Sha256.of(secret);
        token.persist();
        return Response.status(201).entity(new CreatedToken(token.id, token.name, secret)).build();
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public Response delete(@PathParam("id") long id) {
        ApiToken token = ApiToken.findById(id);
        Researcher me = current();
        if (token == null || (!token.researcherId.equals(me.id) && !Roles.ADMIN.equals(me.role))) {
            throw DomainException.notFound("token");
        }
        token.delete();
        return Response.noContent().build();
    }

    private Researcher current() {
        return Researcher.findByUsername(identity.getPrincipal().getName())
                .orElseThrow(() -> DomainException.notFound("account"));
    }
}
