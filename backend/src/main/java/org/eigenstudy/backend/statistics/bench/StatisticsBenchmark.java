package org.eigenstudy.backend.statistics.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.eigenstudy.backend.platform.EmbeddedDatabase;
import org.eigenstudy.backend.statistics.AnalysisOptions;
import org.eigenstudy.backend.statistics.ResponseRow;
import org.eigenstudy.backend.statistics.StudyAnalysis;
import org.eigenstudy.backend.statistics.report.AnalysisReport;
import org.eigenstudy.backend.statistics.store.ResponseRowReader;

/**
 * Benchmark of the full analysis of a study streamed from PostgreSQL (see docs/benchmarks.md).
 * Arguments: [responses, default 1000000] [participants, default 10000] [runs, default 3], or
 * {@code mixed} followed by {@link MixedBenchmark}'s arguments for the mixed-model benchmark.
 */
public final class StatisticsBenchmark {

    private StatisticsBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("mixed")) {
            MixedBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        long responses = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long participants = args.length > 1 ? Long.parseLong(args[1]) : 10_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        if (responses % participants != 0) {
            System.err.println("responses must be a multiple of participants");
            System.exit(2);
        }
        int perParticipant = (int) (responses / participants);
        StatisticsBenchmark.printMachine();
        System.out.printf(
                "data: %d responses = %d participants x %d trials (2 catch trials each), 4 models%n",
                responses, participants, perParticipant);
        AnalysisOptions options = AnalysisOptions.defaults();
        try (EmbeddedDatabase db = EmbeddedDatabase.startTemporary();
                Connection connection =
                        DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            BenchTable.create(connection);
            long start = System.nanoTime();
            long copied =
                    BenchTable.copy(
                            connection,
                            1,
                            new SyntheticResponses(participants, perParticipant, 2, 42));
            System.out.printf("COPY of %d rows: %.2f s%n", copied, seconds(start));
            ResponseRowReader reader = new ResponseRowReader(connection, 1, BenchTable.QUERY);
            List<ResponseRow> inMemory = new ArrayList<>();
            reader.forEach(inMemory::add);
            var os =
                    (com.sun.management.OperatingSystemMXBean)
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int run = 1; run <= runs; run++) {
                System.out.printf(
                        "load average before run %d: %.1f%n", run, os.getSystemLoadAverage());
                start = System.nanoTime();
                long[] count = {0};
                reader.forEach(r -> count[0]++);
                double readOnly = seconds(start);
                start = System.nanoTime();
                // The descriptive tables alone: the headline's mixed models have their own
                // benchmark (MixedBenchmark).
                StudyAnalysis descriptive = new StudyAnalysis(options, false);
                inMemory.forEach(descriptive::accept);
                AnalysisReport fromMemory = descriptive.finish();
                double analysisOnly = seconds(start);
                start = System.nanoTime();
                long cpu = os.getProcessCpuTime();
                StudyAnalysis streamed = new StudyAnalysis(options, false);
                reader.forEach(streamed::accept);
                AnalysisReport report = streamed.finish();
                double full = seconds(start);
                double fullCpu = (os.getProcessCpuTime() - cpu) / 1e9;
                System.out.printf(
                        "run %d: read-only stream %.2f s | analysis of in-memory rows %.2f s |"
                                + " FULL (stream + analysis) %.2f s (JVM CPU %.2f s) | %d groups, %d"
                                + " participants excluded%n",
                        run,
                        readOnly,
                        analysisOnly,
                        full,
                        fullCpu,
                        report.groups().size(),
                        report.exclusion().participantsExcluded());
                if (fromMemory.exclusion().responsesAnalysed()
                        != report.exclusion().responsesAnalysed()) {
                    throw new IllegalStateException("database and in-memory analyses differ");
                }
            }
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The machine line both benchmarks start with, so their reports name the same facts. */
    static void printMachine() {
        System.out.printf(
                "machine: %d cores, max heap %d MiB, Java %s, %s %s%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"),
                System.getProperty("os.name"),
                System.getProperty("os.arch"));
    }
}
