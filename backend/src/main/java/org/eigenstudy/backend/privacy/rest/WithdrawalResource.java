package org.eigenstudy.backend.privacy.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eigenstudy.backend.privacy.service.Deletion;
import org.eigenstudy.backend.privacy.service.ErasureService;
import org.eigenstudy.backend.privacy.service.WithdrawalRateLimiter;

/**
 * A participant withdraws with their withdrawal code: no login, the code is the credential. Tries
 * are metered per address ({@link WithdrawalRateLimiter}).
 */
@Path("/api/participant/withdrawals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WithdrawalResource {

    /** The code from the completion page. */
    public record WithdrawalRequest(String code) {}

    /** What was deleted; nothing else about the participant is said back. */
    public record Withdrawn(int sessions, int responses) {}

    @Inject ErasureService erasure;
    @Inject WithdrawalRateLimiter rateLimiter;

    @POST
    public Withdrawn withdraw(WithdrawalRequest request, @Context HttpServerRequest http) {
        rateLimiter.acquire(http.remoteAddress().hostAddress());
        Deletion deletion = erasure.withdraw(request == null ? null : request.code());
        return new Withdrawn(deletion.sessions(), deletion.responses());
    }
}
