package org.eigenstudy.backend.researcher;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.eigenstudy.backend.domain.Checks;
import org.eigenstudy.backend.domain.DomainException;

/** Who is logged in, logout, and (admins only) the accounts. */
@Path("/api/researcher")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject SecurityIdentity identity;

    /** An account as listed; never the password hash. */
    public record Account(String username, String role) {}

    /** A new account. */
    public record NewAccount(String username, String password, String role) {}

    @GET
    @Path("/me")
    @RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
    public Account me() {
        return new Account(
                identity.getPrincipal().getName(), identity.getRoles().iterator().next());
    }

    @POST
    @Path("/logout")
    @RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
    public Response logout() {
        NewCookie expired =
                new NewCookie.Builder(CsrfGuard.COOKIE)
                        .value("")
                        .path("/")
                        .maxAge(0)
                        .httpOnly(true)
                        .sameSite(NewCookie.SameSite.STRICT)
                        .build();
        return Response.noContent().cookie(expired).build();
    }

    @GET
    @Path("/accounts")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public List<Account> accounts() {
        return Researcher.listByName().stream().map(r -> new Account(r.username, r.role)).toList();
    }

    @POST
    @Path("/accounts")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public Response create(NewAccount account) {
        if (account == null) {
            throw DomainException.invalid("request body is required", null, "required");
        }
        Checks checks = new Checks();
        checks.requiredText("username", account.username(), 64);
        if (account.username() != null && !account.username().matches("[A-Za-z0-9._-]{1,64}")) {
            checks.fail("username", "format", "username may use letters, digits, . _ - (1-64)");
        }
        if (account.password() == null || account.password().length() < 12) {
            checks.fail("password", "min-length", "password must have at least 12 characters");
        }
        checks.text("password", account.password(), 200);
        if (!Set.of(Roles.ADMIN, Roles.RESEARCHER).contains(account.role())) {
            checks.fail("role", "enum", "role must be admin or researcher");
        }
        checks.throwIfAny();
        if (Researcher.findByUsername(account.username()).isPresent()) {
            throw DomainException.conflict(
                    "username '" + account.username() + "' is taken", "exists");
        }
        Researcher created =
                Researcher.create(account.username(), account.password(), account.role());
        return Response.status(201).entity(new Account(created.username, created.role)).build();
    }
}
