package org.eigenstudy.backend.participant;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** What anyone may see of an open study, including the MTurk preview. Stores nothing. */
@Path("/api/participant/studies/{slug}")
@Produces(MediaType.APPLICATION_JSON)
public class ParticipantStudyResource {

    @Inject TrialViews views;
    @Inject StudyCatalog studies;
    @Inject SessionStore store;

    /** The study summary plus a worked example trial. */
    public record Preview(StudySummary study, TrialView example) {}

    @GET
    public StudySummary summary(@PathParam("slug") String slug) {
        return store.run(connection -> summary(studies.open(connection, slug)));
    }

    @GET
    @Path("/preview")
    public Preview preview(@PathParam("slug") String slug) {
        return store.run(
                connection -> {
                    StudyFacts study = studies.open(connection, slug);
                    return new Preview(summary(study), views.example(connection, study, List.of()));
                });
    }

    private static StudySummary summary(StudyFacts study) {
        return StudySummary.of(study, "open", study.design().totalTrials());
    }
}
