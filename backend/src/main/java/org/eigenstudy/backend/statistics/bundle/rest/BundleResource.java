package org.eigenstudy.backend.statistics.bundle.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eigenstudy.backend.researcher.Roles;
import org.eigenstudy.backend.statistics.bundle.service.BundleService;

/** The reproducibility bundle as a download. */
@Path("/api/researcher/studies/{id}/statistics/bundle.zip")
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class BundleResource {

    @Inject BundleService service;

    @GET
    public Response bundle(@PathParam("id") long id) {
        BundleService.Bundle bundle = service.bundle(id);
        return Response.ok(bundle.zip(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + bundle.fileName() + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
