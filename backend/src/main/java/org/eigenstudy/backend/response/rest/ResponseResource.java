package org.eigenstudy.backend.response.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eigenstudy.backend.response.service.ResponseRequest;
import org.eigenstudy.backend.response.service.ResponseService;

/**
 * A participant's answer to one trial, under the session's path: {@code 201} when stored, {@code
 * 200} for a replay of the same answer with the same client response id.
 */
@Path("/api/participant/sessions/{token}/responses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ResponseResource {

    @Inject ResponseService responses;

    @PUT
    @Path("/{clientResponseId}")
    public Response respond(
            @PathParam("token") String token,
            @PathParam("clientResponseId") String clientResponseId,
            ResponseRequest request) {
        ResponseService.Saved saved = responses.save(token, clientResponseId, request);
        return Response.status(saved.created() ? 201 : 200).entity(saved.result()).build();
    }
}
