package org.eigenstudy.backend.statistics.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.eigenstudy.backend.platform.EmbeddedDatabase;
import org.eigenstudy.backend.statistics.AnalysisOptions;
import org.eigenstudy.backend.statistics.ResponseRow;
import org.eigenstudy.backend.statistics.StudyAnalysis;
import org.eigenstudy.backend.statistics.StudyRows;
import org.eigenstudy.backend.statistics.bench.BenchTable;
import org.junit.jupiter.api.Test;

/**
 * Round trip through a real PostgreSQL (zonky): rows copied into the bench table and streamed back
 * by ResponseRowReader give exactly the report of the in-memory rows; other studies' rows are not
 * read.
 */
class ResponseRowReaderTest {

    @Test
    void streamedAnalysisEqualsInMemoryAnalysis() throws Exception {
        List<ResponseRow> rows = StudyRows.load();
        try (EmbeddedDatabase db = EmbeddedDatabase.startTemporary();
                Connection connection =
                        DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            BenchTable.create(connection);
            BenchTable.copy(connection, 7, rows.iterator());
            BenchTable.copy(connection, 8, rows.subList(0, 100).iterator());
            StudyAnalysis streamed = new StudyAnalysis(AnalysisOptions.defaults(), true);
            new ResponseRowReader(connection, 7, BenchTable.QUERY).forEach(streamed::accept);
            var fromDatabase = streamed.finish();
            var inMemory = StudyAnalysis.analyse(rows.stream(), AnalysisOptions.defaults());
            ObjectMapper json = new ObjectMapper();
            assertEquals(json.writeValueAsString(inMemory), json.writeValueAsString(fromDatabase));
            assertEquals(rows.size(), fromDatabase.exclusion().responsesTotal());
        }
    }
}
