package org.eigenstudy.geometry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.eigenstudy.geometry.distance.ImageMetric;

/** Formats a benchmark as a markdown section and splices it into docs/benchmarks.md. */
public final class BenchmarkReport {
    private BenchmarkReport() {}

    public static String markdown(
            String label,
            ImageMetric metric,
            int points,
            Double forwardGflop,
            Benchmark.Result r,
            String args) {
        int n = metric.dim();
        double serial = seconds(r, "serial");
        double floor = seconds(r, "n-forward floor");
        StringBuilder s = new StringBuilder();
        s.append(
                String.format(
                        Locale.ROOT,
                        "#### %s (n = %d, %s, %s)%n%n",
                        label,
                        n,
                        metric.featureMap().name(),
                        metric.generator().device()));
        s.append(
                String.format(
                        Locale.ROOT,
                        "Machine: %d CPU threads visible to the JVM, %s %s; measured float32 matmul"
                                + " (2048²) %.1f GFLOP/s. Mean of %d codes %s. RSS before"
                                + " timing %.0f MiB. GLIBC_TUNABLES: %s. Load average when"
                                + " written: %s.%n%n",
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("os.name"),
                        System.getProperty("os.arch"),
                        r.matmulGflops(),
                        points,
                        r.warmedUp()
                                ? "after one warm-up"
                                : "without warm-up (exact runs first and bears first-call costs)",
                        r.baselineBytes() / 1048576.0,
                        // The allocator setting changes large-model timings severalfold here.
                        System.getenv().getOrDefault("GLIBC_TUNABLES", "unset"),
                        loadAverage()));
        s.append(
                "| method | s / Hessian | vs serial | vs n-forward floor | peak RSS MiB |"
                        + " rel. error vs exact | fwd-equiv GFLOP/s | % of matmul | notes |\n");
        s.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Measurement m : r.rows()) {
            String gflops = "n/a";
            String share = "n/a";
            if (forwardGflop != null) {
                double rate = forwardGflop * n / m.secondsPerHessian();
                gflops = String.format(Locale.ROOT, "%.2f", rate);
                share = String.format(Locale.ROOT, "%.1f", 100 * rate / r.matmulGflops());
            }
            s.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %.4g | %s | %s | %.0f | %s | %s | %s | %s |%n",
                            m.method(),
                            m.secondsPerHessian(),
                            ratio(serial / m.secondsPerHessian(), "× faster"),
                            ratio(m.secondsPerHessian() / floor, "×"),
                            m.peakBytes() / 1048576.0,
                            Double.isNaN(m.errorVsExact())
                                    ? "—"
                                    : String.format(Locale.ROOT, "%.1e", m.errorVsExact()),
                            gflops,
                            share,
                            m.note()));
        }
        double official = seconds(r, Benchmark.OFFICIAL);
        double exact = seconds(r, "exact");
        if (!Double.isNaN(official) && !Double.isNaN(exact)) {
            s.append(
                    String.format(
                            Locale.ROOT,
                            "%nexact is %.1f× faster than the paper's own code (its exact \"BP\""
                                    + " method, run from the user's checkout on the same module,"
                                    + " codes and distance); \"vs serial\" compares with this"
                                    + " project's Java port of the paper's serial method.%n",
                            official / exact));
        }
        s.append(
                String.format(
                        Locale.ROOT,
                        "%nCommand: `%sjava -jar geometry-core/target/geometry-core-cli.jar bench"
                                + " %s`%n",
                        System.getenv().containsKey("GLIBC_TUNABLES")
                                ? "GLIBC_TUNABLES=" + System.getenv("GLIBC_TUNABLES") + " "
                                : "",
                        args));
        return s.toString();
    }

    /** Other jobs on a shared machine skew timings; the report says how busy it was. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0] + " (1 min)";
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** NaN when that method was not run. */
    private static double seconds(Benchmark.Result r, String prefix) {
        return r.rows().stream()
                .filter(m -> m.method().startsWith(prefix))
                .findFirst()
                .map(Measurement::secondsPerHessian)
                .orElse(Double.NaN);
    }

    private static String ratio(double value, String unit) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.2f%s", value, unit);
    }

    /** Replaces (or appends) the block between this label's markers. */
    public static void update(Path file, String label, String section) throws IOException {
        String start = "<!-- geometry-bench:" + label + ":start -->";
        String end = "<!-- geometry-bench:" + label + ":end -->";
        String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
        String block = start + "\n" + section + end;
        int a = text.indexOf(start);
        int b = text.indexOf(end);
        if (a >= 0 && b > a) {
            text = text.substring(0, a) + block + text.substring(b + end.length());
        } else {
            text = text + (text.endsWith("\n") ? "\n" : "\n\n") + block + "\n";
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text);
    }
}
