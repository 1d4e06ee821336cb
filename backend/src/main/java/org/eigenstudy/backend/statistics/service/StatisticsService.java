package org.eigenstudy.backend.statistics.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eigenstudy.backend.statistics.AnalysisOptions;
import org.eigenstudy.backend.statistics.StudyAnalysis;
import org.eigenstudy.backend.statistics.planning.service.PowerService;
import org.eigenstudy.backend.statistics.report.AnalysisReport;
import org.eigenstudy.backend.statistics.report.PowerSection;
import org.eigenstudy.backend.statistics.store.ResponseRowReader;
import org.eigenstudy.backend.study.service.Study;
import org.eigenstudy.backend.study.service.StudyService;

/**
 * Runs the statistics library on a study's stored responses. Rows are streamed through plain JDBC
 * (one cursor, no entities), because a study can hold millions of responses.
 *
 * <p>Analyses are cached: the headline fits several mixed models (seconds on a large study), and
 * one view of the dashboard asks for the report and its figures several times. The key is the
 * study, the options and a cheap state of its responses (their count and largest id): a new,
 * deleted or replaced response changes it, so a cached report is never stale, and no invalidation
 * hook into the response code is needed. The map is bounded (least recently used out) so many
 * studies or parameter combinations cannot grow the heap.
 *
 * <p>The cache holds what is computed from the responses only. The report's power section (the last
 * simulation a researcher ran) is read on every request, one small row per measure, and added to
 * the cached report, so a new simulation is in the next report without touching the cache.
 */
@ApplicationScoped
public class StatisticsService {

    /** Reports kept; each is small (tables, not rows), a few studies × parameter sets. */
    static final int CACHED_REPORTS = 32;

    @Inject AgroalDataSource dataSource;
    @Inject StudyService studies;
    @Inject PowerService power;

    private record Key(long studyId, AnalysisOptions options, ResponseRowReader.State state) {}

    private final Map<Key, AnalysisReport> cache =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, AnalysisReport> eldest) {
                    return size() > CACHED_REPORTS;
                }
            };

    /** A study's analysis with the given parameters; 404 for an unknown study. */
    public Analysed analyse(long studyId, StatisticsParameters parameters) {
        Study study = QuarkusTransaction.requiringNew().call(() -> studies.require(studyId));
        AnalysisOptions options = parameters.options(study.design().maxFailedCatchTrials());
        String stem = study.stem();
        AnalysisReport report;
        try (Connection connection = dataSource.getConnection()) {
            Key key = new Key(studyId, options, ResponseRowReader.state(connection, studyId));
            synchronized (cache) {
                report = cache.get(key);
            }
            if (report == null) {
                // Computed outside the lock: two first requests may both compute, which costs
                // time once but never blocks another study's request behind a long fit.
                StudyAnalysis analysis = new StudyAnalysis(options, true);
                new ResponseRowReader(connection, studyId).forEach(analysis::accept);
                report = analysis.finish();
                synchronized (cache) {
                    cache.put(key, report);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the responses of study " + studyId, e);
        }
        // After the cursor's connection is back in the pool: a request never holds two.
        return new Analysed(stem, withPower(studyId, report));
    }

    private AnalysisReport withPower(long studyId, AnalysisReport report) {
        return report.withPower(PowerSection.of(power.lastRuns(studyId)));
    }

    /** A report and the file-name stem of its study ({@code slug-vN}). */
    public record Analysed(String stem, AnalysisReport report) {}
}
