package org.eigenstudy.backend.study.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eigenstudy.backend.researcher.Roles;
import org.eigenstudy.backend.study.service.StudyMember;
import org.eigenstudy.backend.study.service.StudyService;

/** A study's members: everyone who may view it lists them; its owners change them. */
@Path("/api/researcher/studies/{id}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class StudyMemberResource {

    /** The role to give: owner, editor or viewer. */
    public record RoleRequest(String role) {}

    @Inject StudyService studies;

    @GET
    public List<StudyMember> list(@PathParam("id") long id) {
        return studies.members(id);
    }

    @PUT
    @Path("/{username}")
    public List<StudyMember> put(
            @PathParam("id") long id, @PathParam("username") String username, RoleRequest request) {
        return studies.setMember(id, username, request == null ? null : request.role());
    }

    @DELETE
    @Path("/{username}")
    public List<StudyMember> remove(
            @PathParam("id") long id, @PathParam("username") String username) {
        return studies.removeMember(id, username);
    }
}
