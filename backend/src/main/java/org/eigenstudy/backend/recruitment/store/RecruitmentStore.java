package org.eigenstudy.backend.recruitment.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Reads a study version's recruitment facts. */
@ApplicationScoped
public class RecruitmentStore {

    private static final String TARGET =
            """
            SELECT id, slug, state, completion_code, prolific_completion_url
            FROM study WHERE id = :id
            """;

    @Inject Jdbi jdbi;

    public Optional<RecruitmentTarget> find(long studyId) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(TARGET)
                                .bind("id", studyId)
                                .map(
                                        (rs, ctx) ->
                                                new RecruitmentTarget(
                                                        rs.getLong("id"),
                                                        rs.getString("slug"),
                                                        rs.getString("state"),
                                                        rs.getString("completion_code"),
                                                        rs.getString("prolific_completion_url")))
                                .findOne());
    }
}
