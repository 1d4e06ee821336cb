package org.eigenstudy.backend.precompute.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eigenstudy.backend.domain.Checks;
import org.eigenstudy.backend.precompute.service.JobView;
import org.eigenstudy.backend.precompute.service.PrecomputeJob;
import org.eigenstudy.backend.precompute.service.PrecomputeService;
import org.eigenstudy.backend.researcher.Roles;

/** "Compute stimuli": submit a study file, follow the job's progress and log, cancel it. */
@Path("/api/researcher/stimulus-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class PrecomputeResource {

    /** The study file to compute stimuli for. */
    public record JobRequest(String configYaml) {}

    @Inject PrecomputeService jobs;
    @Inject SecurityIdentity identity;

    /** 201 with a new job; 200 with the one already queued or running for the same models. */
    @POST
    public Response submit(JobRequest request) {
        Checks checks = new Checks();
        checks.requiredText("configYaml", request == null ? null : request.configYaml(), 1_000_000);
        checks.throwIfAny();
        PrecomputeService.Submitted submitted =
                jobs.submit(request.configYaml(), identity.getPrincipal().getName());
        return Response.status(submitted.created() ? 201 : 200).entity(submitted.job()).build();
    }

    @GET
    public List<PrecomputeJob> list() {
        return jobs.list();
    }

    @GET
    @Path("/{id}")
    public JobView get(@PathParam("id") long id) {
        return jobs.get(id);
    }

    /** The end of the CLI's output (64 KiB at most). */
    @GET
    @Path("/{id}/log")
    @Produces(MediaType.TEXT_PLAIN)
    public String log(@PathParam("id") long id) {
        return jobs.log(id);
    }

    @POST
    @Path("/{id}/cancel")
    public JobView cancel(@PathParam("id") long id) {
        return jobs.cancel(id);
    }
}
