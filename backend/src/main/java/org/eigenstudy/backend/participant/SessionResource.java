package org.eigenstudy.backend.participant;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.domain.DomainException.Kind;
import org.eigenstudy.backend.response.ResponseRequest;
import org.eigenstudy.backend.response.ResponseService;

/** The participant's side: the session token in the path is the only credential. */
@Path("/api/participant/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject SessionService sessions;
    @Inject ResponseService responses;
    @Inject StartRateLimiter rateLimiter;

    @POST
    public Response start(StartSessionRequest request, @Context HttpServerRequest http) {
        if (!rateLimiter.tryAcquire(http.remoteAddress().hostAddress())) {
            throw new DomainException(
                    Kind.RATE_LIMITED,
                    "too many sessions started from your address; wait a minute",
                    null,
                    "rate-limit");
        }
        if (request == null) {
            throw DomainException.invalid("request body is required", null, "required");
        }
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

    @PUT
    @Path("/{token}/responses/{clientResponseId}")
    public Response respond(
            @PathParam("token") String token,
            @PathParam("clientResponseId") String clientResponseId,
            ResponseRequest request) {
        ResponseService.Saved saved = responses.save(token, clientResponseId, request);
        return Response.status(saved.created() ? 201 : 200).entity(saved.result()).build();
    }

    @POST
    @Path("/{token}/finish")
    public Completion finish(@PathParam("token") String token) {
        return sessions.finish(token);
    }
}
