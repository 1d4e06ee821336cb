package org.eigenstudy.backend.statistics.mixed;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;

/**
 * Keeps HotSpot's optimising compiler (C2) away from Commons Math's BOBYQA, once per JVM.
 *
 * <p>Why: {@code BOBYQAOptimizer.bobyqb} is one 5.8 kB method that runs once per fit, so C2 only
 * ever compiles it on-stack at one of its many loop headers, 1.5–1.8 CPU-s per compilation, and
 * recompiles it after each deoptimisation (one to four times in a headline analysis, 2–7 CPU-s on a
 * 2-core machine whose other core is fitting). Its work per iteration is O(n²) for n ≤ 8
 * parameters, against a millisecond per deviance evaluation, so the quick compiler (C1) loses
 * nothing measurable. On the 100,000-response benchmark (docs/benchmarks.md, mixed models) the
 * seven headline models took 9.3–13.6 s on a cold JVM with C2 and 7.5–10.0 s without it on BOBYQA,
 * warm 6.6–7.9 s against 5.0–5.7 s.
 *
 * <p>How: a compiler directive added through the JVM's DiagnosticCommand MBean (what {@code jcmd
 * PID Compiler.directives_add} does), so it holds wherever the statistics run (server, benchmark,
 * tests) without a launcher flag. Where that is not possible (another JVM, no writable temporary
 * directory) the fits run as before, only slower on a cold JVM.
 */
final class OptimizerCompilation {

    // The JDK's logger: this package is plain Java, run by the benchmark outside Quarkus too.
    private static final System.Logger LOG = System.getLogger(OptimizerCompilation.class.getName());

    private static final String DIRECTIVE =
            "[{ match: [\"org/apache/commons/math3/optim/nonlinear/scalar/noderiv/"
                    + "BOBYQAOptimizer.*\"], c2: { Exclude: true } }]";

    private OptimizerCompilation() {}

    /** Adds the directive; called once, from {@link BoundedMinimizer}'s class initialisation. */
    static void keepC2AwayFromBobyqa() {
        try {
            Path file = Files.createTempFile("eigenstudy-bobyqa", ".json");
            try {
                Files.writeString(file, DIRECTIVE);
                Object reply =
                        ManagementFactory.getPlatformMBeanServer()
                                .invoke(
                                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                                        "compilerDirectivesAdd",
                                        new Object[] {new String[] {file.toString()}},
                                        new String[] {String[].class.getName()});
                LOG.log(System.Logger.Level.DEBUG, "BOBYQA compiler directive: {0}", reply);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (Exception | LinkageError e) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "BOBYQA compiler directive not added ({0}): fits run as before",
                    e);
        }
    }
}
