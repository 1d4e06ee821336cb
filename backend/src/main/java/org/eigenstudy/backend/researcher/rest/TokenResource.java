package org.eigenstudy.backend.researcher.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eigenstudy.backend.researcher.Roles;
import org.eigenstudy.backend.researcher.service.TokenService;

/** API tokens for scripts. The token text is returned once, at creation. */
@Path("/api/researcher/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class TokenResource {

    @Inject SecurityIdentity identity;
    @Inject TokenService tokens;

    /** A token as listed. */
    public record TokenInfo(
            long id, String name, OffsetDateTime createdAt, OffsetDateTime lastUsedAt) {}

    /** A new token's name. */
    public record NewToken(String name) {}

    /** A token just created, with its secret. */
    public record CreatedToken(long id, String name, String token) {}

    @GET
    public List<TokenInfo> list() {
        return tokens.list(username()).stream()
                .map(t -> new TokenInfo(t.id(), t.name(), t.createdAt(), t.lastUsedAt()))
                .toList();
    }

    @POST
    public Response create(NewToken request) {
        TokenService.Created created =
                tokens.create(username(), request == null ? null : request.name());
        return Response.status(201)
                .entity(
                        new CreatedToken(
                                created.token().id(), created.token().name(), created.secret()))
                .build();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        tokens.delete(username(), id);
        return Response.noContent().build();
    }

    private String username() {
        return identity.getPrincipal().getName();
    }
}
