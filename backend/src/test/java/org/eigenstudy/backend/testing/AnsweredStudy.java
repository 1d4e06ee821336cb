package org.eigenstudy.backend.testing;

import static org.eigenstudy.backend.testing.TestApi.answer;
import static org.eigenstudy.backend.testing.TestApi.put;

import java.util.List;
import java.util.Map;
import org.eigenstudy.studyconfig.model.AxisClass;

/**
 * An open study over the given conditions that participants have answered through the API, every
 * rating varying with participant and trial so every statistic has spread. No catch trials: every
 * participant stays in the analysis.
 */
public final class AnsweredStudy {

    private AnsweredStudy() {}

    /** Imports and opens the study for {@code token}'s researcher; returns its id. */
    public static long create(
            String token, String slug, List<AxisClass> classes, int participants) {
        long studyId =
                TestApi.importAndOpen(
                        token,
                        StudyFixture.withClasses(
                                slug,
                                3,
                                new StudyFixture.Design(8, 0, false, 60, "CODE-1234", null),
                                classes));
        for (int p = 0; p < participants; p++) {
            String session = TestApi.startAndConsent(slug);
            for (int index : TestApi.trialIndexes(session)) {
                boolean seen = (index + p) % 4 != 0;
                Map<String, Object> body = answer(index, seen);
                if (seen) {
                    body.put("magnitude", Math.min(100, 10 + 7 * p + 3 * index));
                    body.put("sharedCount", (p + index) % 6);
                    body.put("consistency", 1 + (2 * p + index) % 9);
                }
                body.put("difficulty", 1 + (p + 3 * index) % 9);
                put(session, slug + "-" + p + "-" + index, body).statusCode(201);
            }
        }
        return studyId;
    }
}
