package org.eigenstudy.backend.statistics.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eigenstudy.backend.statistics.AnalysisOptions;
import org.eigenstudy.backend.statistics.ResponseRowReader;
import org.eigenstudy.backend.statistics.report.AnalysisReport;
import org.eigenstudy.backend.study.service.Study;
import org.eigenstudy.backend.study.service.StudyService;

/**
 * Runs the statistics library on a study's stored responses. Rows are streamed through plain JDBC
 * (one cursor, no entities), because a study can hold millions of responses.
 */
@ApplicationScoped
public class StatisticsService {

    @Inject AgroalDataSource dataSource;
    @Inject StudyService studies;

    /** A study's analysis with the given parameters; 404 for an unknown study. */
    public Analysed analyse(long studyId, StatisticsParameters parameters) {
        Study study = QuarkusTransaction.requiringNew().call(() -> studies.require(studyId));
        AnalysisOptions options = parameters.options(study.design().maxFailedCatchTrials());
        try (Connection connection = dataSource.getConnection()) {
            return new Analysed(
                    study.stem(), new ResponseRowReader(connection, studyId).analyse(options));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the responses of study " + studyId, e);
        }
    }

    /** A report and the file-name stem of its study ({@code slug-vN}). */
    public record Analysed(String stem, AnalysisReport report) {}
}
