package org.eigenstudy.backend.statistics.tidy.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eigenstudy.backend.statistics.tidy.TidyData;
import org.eigenstudy.backend.statistics.tidy.TidyResponse;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.jdbi.v3.core.Jdbi;

/**
 * A study's responses with their axis keys, from the analysis view ({@code response_analysis_v},
 * which leaves pilot sessions out). Catch trials are read only to apply the exclusion rule, as the
 * descriptive analysis applies it.
 */
@ApplicationScoped
public class TidyResponseStore {

    private static final String ROWS =
            """
            SELECT participant_id AS participant, model_id AS model_key, axis_key, axis_class,
                   rank, change_seen, magnitude, shared_count, consistency, difficulty, is_catch,
                   catch_passed
            FROM response_analysis_v
            WHERE study_id = :study
            ORDER BY participant_id, response_id
            """;

    @Inject Jdbi jdbi;

    /** The study's tidy responses under the rule "exclude who failed more than max catches". */
    public TidyData read(long studyId, int maxFailedCatchTrials) {
        Map<String, Integer> failed = new LinkedHashMap<>();
        List<TidyResponse> answered = new ArrayList<>();
        jdbi.useHandle(
                handle ->
                        handle.createQuery(ROWS)
                                .bind("study", studyId)
                                .setFetchSize(10_000)
                                .map(
                                        (row, context) -> {
                                            String participant = row.getString("participant");
                                            int miss =
                                                    row.getBoolean("is_catch")
                                                                    && Boolean.FALSE.equals(
                                                                            row.getObject(
                                                                                    "catch_passed",
                                                                                    Boolean.class))
                                                            ? 1
                                                            : 0;
                                            failed.merge(participant, miss, Integer::sum);
                                            return row.getBoolean("is_catch")
                                                    ? null
                                                    : new TidyResponse(
                                                            participant,
                                                            row.getString("model_key"),
                                                            row.getString("axis_key"),
                                                            AxisClass.fromLabel(
                                                                    row.getString("axis_class")),
                                                            row.getInt("rank"),
                                                            row.getBoolean("change_seen"),
                                                            number(row.getObject("magnitude")),
                                                            integer(row.getObject("shared_count")),
                                                            integer(row.getObject("consistency")),
                                                            integer(row.getObject("difficulty")));
                                        })
                                .forEach(
                                        r -> {
                                            if (r != null) {
                                                answered.add(r);
                                            }
                                        }));
        List<TidyResponse> kept =
                answered.stream()
                        .filter(r -> failed.get(r.participant()) <= maxFailedCatchTrials)
                        .toList();
        int excluded = (int) failed.values().stream().filter(f -> f > maxFailedCatchTrials).count();
        return new TidyData(kept, maxFailedCatchTrials, failed.size(), excluded);
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
