package org.eigenstudy.backend.study.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eigenstudy.backend.domain.Checks;
import org.eigenstudy.backend.researcher.Roles;
import org.eigenstudy.backend.study.service.ConfigCheck;
import org.eigenstudy.backend.study.service.StudyConfigService;
import org.eigenstudy.studyconfig.StudyTemplates.Template;

/** The study editor: templates to start from, and checks of a config while it is written. */
@Path("/api/researcher/study-configs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class StudyConfigResource {

    /** A config to check, optionally against the study it was edited from. */
    public record CheckRequest(String configYaml, Long baseStudy) {}

    @Inject StudyConfigService configs;

    @GET
    @Path("/templates")
    public List<Template> templates() {
        return configs.templates();
    }

    /**
     * 200 with the check whether or not the config is valid: an invalid config is the answer, not a
     * failed request. Stores nothing.
     */
    @POST
    @Path("/check")
    public ConfigCheck check(CheckRequest request) {
        Checks checks = new Checks();
        checks.requiredText("configYaml", request == null ? null : request.configYaml(), 1_000_000);
        checks.throwIfAny();
        return configs.check(request.configYaml(), request.baseStudy());
    }
}
