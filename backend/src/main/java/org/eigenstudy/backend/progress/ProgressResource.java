package org.eigenstudy.backend.progress;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eigenstudy.backend.researcher.Roles;
import org.eigenstudy.backend.study.StudyService;

/** How far a study has come, for the dashboard's live view. */
@Path("/api/researcher/studies/{id}/progress")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class ProgressResource {

    private static final String SESSIONS =
            """
            SELECT count(*),
                   count(*) FILTER (WHERE consented_at IS NOT NULL),
                   count(*) FILTER (WHERE state = 'completed'),
                   count(*) FILTER (WHERE state <> 'completed' AND expires_at <= now()),
                   count(*) FILTER (WHERE state <> 'completed' AND expires_at > now()),
                   (SELECT count(*) FROM response r JOIN participant_session x ON x.id = r.session_id
                     WHERE x.study_id = ?1),
                   (SELECT count(*) FROM response r JOIN participant_session x ON x.id = r.session_id
                     WHERE x.study_id = ?1 AND r.catch_passed = FALSE)
            FROM participant_session WHERE study_id = ?1
            """;

    private static final String CONDITIONS =
            """
            SELECT m.model_key, a.axis_class, a.axis_key, a.rank,
                   count(s.id) AS assigned, count(r.id) AS responses
            FROM trial t
            JOIN axis a ON a.id = t.axis_id
            JOIN study_model m ON m.id = a.model_id
            LEFT JOIN assignment asg ON asg.trial_id = t.id
            LEFT JOIN participant_session s ON s.id = asg.session_id
                 AND (s.state = 'completed' OR s.expires_at > now())
            LEFT JOIN response r ON r.assignment_id = asg.id
            WHERE t.study_id = ?1 AND NOT t.is_catch
            GROUP BY m.model_key, a.axis_class, a.axis_key, a.rank
            ORDER BY m.model_key,
                     CASE a.axis_class WHEN 'top' THEN 0 WHEN 'orthogonal' THEN 1 ELSE 2 END, a.rank
            """;

    @GET
    @Transactional
    @SuppressWarnings("unchecked")
    public Progress progress(@PathParam("id") long id) {
        StudyService.require(id, false);
        Object[] totals =
                (Object[])
                        Panache.getEntityManager()
                                .createNativeQuery(SESSIONS)
                                .setParameter(1, id)
                                .getSingleResult();
        List<Object[]> rows =
                Panache.getEntityManager()
                        .createNativeQuery(CONDITIONS)
                        .setParameter(1, id)
                        .getResultList();
        List<Progress.Condition> conditions =
                rows.stream()
                        .map(
                                r ->
                                        new Progress.Condition(
                                                (String) r[0],
                                                (String) r[1],
                                                (String) r[2],
                                                ((Number) r[3]).intValue(),
                                                ((Number) r[4]).longValue(),
                                                ((Number) r[5]).longValue()))
                        .toList();
        return new Progress(
                n(totals[0]),
                n(totals[1]),
                n(totals[2]),
                n(totals[3]),
                n(totals[4]),
                n(totals[5]),
                n(totals[6]),
                conditions);
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
