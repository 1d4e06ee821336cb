package org.eigenstudy.backend.participant.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eigenstudy.backend.participant.service.Completion;
import org.eigenstudy.backend.participant.service.SessionService;
import org.eigenstudy.backend.participant.service.SessionView;
import org.eigenstudy.backend.participant.service.StartRateLimiter;
import org.eigenstudy.backend.participant.service.StartSessionRequest;

/**
 * The participant's side: the session token in the path is the only credential. Answers are {@code
 * response.rest.ResponseResource}, under the same path.
 */
@Path("/api/participant/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject SessionService sessions;
    @Inject StartRateLimiter rateLimiter;

    @POST
    public Response start(StartSessionRequest request, @Context HttpServerRequest http) {
        rateLimiter.acquire(http.remoteAddress().hostAddress());
        SessionService.Started started = sessions.start(request);
        return Response.status(started.created() ? 201 : 200).entity(started.view()).build();
    }

    @GET
    @Path("/{token}")
    public SessionView get(@PathParam("token") String token) {
        return sessions.view(token);
    }

    @POST
    @Path("/{token}/consent")
    public SessionView consent(@PathParam("token") String token, ConsentRequest request) {
        return sessions.consent(token, request == null ? null : request.consent());
    }

    @POST
    @Path("/{token}/finish")
    public Completion finish(@PathParam("token") String token) {
        return sessions.finish(token);
    }
}
