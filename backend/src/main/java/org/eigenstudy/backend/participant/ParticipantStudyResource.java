package org.eigenstudy.backend.participant;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eigenstudy.backend.study.Study;

/** What anyone may see of an open study, including the MTurk preview. Stores nothing. */
@Path("/api/participant/studies/{slug}")
@Produces(MediaType.APPLICATION_JSON)
public class ParticipantStudyResource {

    @Inject TrialViews views;

    /** The study summary plus a worked example trial. */
    public record Preview(StudySummary study, TrialView example) {}

    @GET
    @Transactional
    public StudySummary summary(@PathParam("slug") String slug) {
        Study study = SessionService.openStudy(slug);
        return StudySummary.of(study, study.design.totalTrials());
    }

    @GET
    @Path("/preview")
    @Transactional
    public Preview preview(@PathParam("slug") String slug) {
        Study study = SessionService.openStudy(slug);
        return new Preview(
                StudySummary.of(study, study.design.totalTrials()),
                views.example(StudyFacts.of(study), List.of()));
    }
}
