package org.eigenstudy.backend.stimuli.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eigenstudy.backend.researcher.Roles;
import org.eigenstudy.backend.stimuli.service.StimulusService;
import org.eigenstudy.backend.stimuli.service.StimulusStructure;

/** A study's stimulus structure for the dashboard's stimulus browser. */
@Path("/api/researcher/studies/{id}/stimuli")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class StimulusStructureResource {

    @Inject StimulusService stimuli;

    /**
     * The manifest's models, axes, strips and frames; a frame's URL is {@code imageBase} followed
     * by its {@code path}.
     */
    public record StimuliView(String imageBase, List<StimulusStructure.Model> models) {}

    @GET
    public StimuliView structure(@PathParam("id") long id) {
        StimulusStructure structure = stimuli.structure(id);
        return new StimuliView(
                StimulusResource.imageBase(structure.slug(), structure.version()),
                structure.models());
    }
}
