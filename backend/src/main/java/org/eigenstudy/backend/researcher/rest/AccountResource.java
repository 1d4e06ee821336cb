package org.eigenstudy.backend.researcher.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.researcher.Roles;
import org.eigenstudy.backend.researcher.service.AccountService;
import org.eigenstudy.backend.researcher.service.Researcher;

/** Who is logged in, logout, and (admins only) the accounts. */
@Path("/api/researcher")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject SecurityIdentity identity;
    @Inject AccountService accounts;

    /** An account as listed; never the password hash. */
    public record Account(String username, String role, boolean disabled) {

        static Account of(Researcher r) {
            return new Account(r.username(), r.role(), r.disabled());
        }
    }

    /** Whether an account is disabled. */
    public record DisabledChange(Boolean disabled) {}

    /** A new account. */
    public record NewAccount(String username, String password, String role) {}

    /** A password change: the current password and the new one. */
    public record PasswordChange(String currentPassword, String newPassword) {}

    @GET
    @Path("/me")
    @RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
    public Account me() {
        return new Account(
                identity.getPrincipal().getName(), identity.getRoles().iterator().next(), false);
    }

    /** Changes one's own password (204); 422 when the current one is wrong or the new one short. */
    @PUT
    @Path("/me/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
    public Response changePassword(PasswordChange change) {
        accounts.changePassword(
                identity.getPrincipal().getName(),
                change == null ? null : change.currentPassword(),
                change == null ? null : change.newPassword());
        return Response.noContent().build();
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
    public List<Account> accounts() {
        return accounts.list().stream().map(Account::of).toList();
    }

    @POST
    @Path("/accounts")
    @RolesAllowed(Roles.ADMIN)
    public Response create(NewAccount account) {
        if (account == null) {
            throw DomainException.invalid("request body is required", null, "required");
        }
        Researcher created =
                accounts.create(account.username(), account.password(), account.role());
        return Response.status(201).entity(Account.of(created)).build();
    }

    /** Disables an account ({@code {"disabled": true}}) or enables it again. */
    @PUT
    @Path("/accounts/{username}/disabled")
    @RolesAllowed(Roles.ADMIN)
    public Account setDisabled(@PathParam("username") String username, DisabledChange change) {
        if (change == null || change.disabled() == null) {
            throw DomainException.invalid(
                    "disabled (true or false) is required", "disabled", "required");
        }
        return Account.of(
                accounts.setDisabled(
                        identity.getPrincipal().getName(), username, change.disabled()));
    }
}
