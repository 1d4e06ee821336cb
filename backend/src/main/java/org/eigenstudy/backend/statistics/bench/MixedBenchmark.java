package org.eigenstudy.backend.statistics.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.eigenstudy.backend.statistics.headline.Headline;
import org.eigenstudy.backend.statistics.headline.HeadlineAnalyser;
import org.eigenstudy.backend.statistics.headline.HeadlineTrials;
import org.eigenstudy.backend.statistics.headline.MeasureHeadline;
import org.eigenstudy.backend.statistics.mixed.ClassInference;

/**
 * Benchmark of the headline mixed models (docs/benchmarks.md, "Mixed models"): on one synthetic
 * study, {@link HeadlineAnalyser#analyse} exactly as the report runs it: the Laplace GLMM of change
 * seen; the REML fits with by-participant slopes (falling back to intercepts when singular) of
 * magnitude, consistency, shared count (seen trials) and difficulty (all trials); the sensitivity
 * refits of magnitude and shared count with unseen trials scored 0; each with marginal means and
 * Holm-adjusted contrasts (Satterthwaite df for the linear models). When {@code Rscript} with lme4,
 * lmerTest and emmeans is installed, the same seven models are timed in R (one core) on the same
 * rows in the same run and the ratio is printed. Arguments: [participants, default 1000] [trials
 * per participant, default 100] [axes per class, default 20] [runs, default 2].
 */
public final class MixedBenchmark {

    private static final String R_SCRIPT =
            String.join(
                    "\n",
                    "suppressPackageStartupMessages({library(lme4); library(lmerTest);"
                            + " library(emmeans)})",
                    "emm_options(lmer.df = 'satterthwaite', lmerTest.limit = 1e7)",
                    "d <- read.csv(commandArgs(TRUE)[1])",
                    "d$class <- factor(d$class, levels = c('top', 'orthogonal', 'bottom'))",
                    "total <- 0",
                    "d$magnitude0 <- ifelse(d$seen == 1, d$magnitude, 0)",
                    "d$shared0 <- ifelse(d$seen == 1, d$shared, 0)",
                    "for (m in c('magnitude', 'consistency', 'shared', 'difficulty', 'magnitude0',"
                            + " 'shared0')) {",
                    "  dd <- d[!is.na(d[[m]]), ]",
                    "  s <- system.time({",
                    "    f <- lmerTest::lmer(as.formula(paste(m, '~ class + (1 + class | participant)"
                            + " + (1 | axis)')), data = dd)",
                    "    if (isSingular(f)) f <- lmerTest::lmer(as.formula(paste(m, '~ class + (1 |"
                            + " participant) + (1 | axis)')), data = dd)",
                    "    x <- summary(contrast(emmeans(f, ~class), 'pairwise', adjust = 'holm'))",
                    "  })[['elapsed']]",
                    "  total <- total + s",
                    "  cat('R', m, s, 'singular-slopes-dropped', length(getME(f, 'theta')) == 2,"
                            + " 'fixef', fixef(f), '\\n')",
                    "}",
                    "s <- system.time({",
                    "  g <- glmer(seen ~ class + (1 | participant) + (1 | axis), data = d, family ="
                            + " binomial)",
                    "  x <- summary(emmeans(g, ~class), type = 'response')",
                    "})[['elapsed']]",
                    "total <- total + s",
                    "cat('R seen', s, 'fixef', fixef(g), '\\n')",
                    "cat('RTOTAL', total, '\\n')",
                    "");

    private MixedBenchmark() {}

    public static void main(String[] args) throws Exception {
        int participants = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int axesPerClass = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        StatisticsBenchmark.printMachine();
        MixedSyntheticStudy study =
                new MixedSyntheticStudy(participants, trials, axesPerClass, 20210113L);
        System.out.printf(
                "data: %d responses = %d participants x %d trials, 3 classes x %d axes%n",
                study.n, participants, trials, axesPerClass);
        HeadlineTrials rows = study.headlineTrials();
        var os =
                (com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double best = Double.POSITIVE_INFINITY;
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            Headline headline = HeadlineAnalyser.analyse(rows, 0.95);
            double total = seconds(start);
            double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
            best = Math.min(best, total);
            System.out.printf(
                    Locale.ROOT,
                    "run %d: headline (7 models, %d threads) %.2f s wall, JVM CPU %.2f s%n",
                    run,
                    Math.min(7, Runtime.getRuntime().availableProcessors()),
                    total,
                    cpuSeconds);
            for (MeasureHeadline m : headline.measures()) {
                System.out.println(describe(m));
                if (m.sensitivity() != null) {
                    System.out.println(describe(m.sensitivity()));
                }
            }
        }
        double r = timeR(study);
        if (r > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "ratio lme4 / Java (best Java run): %.2f s / %.2f s = %.1fx%n",
                    r,
                    best,
                    r / best);
        }
    }

    /** One fitted measure: rows, random effects kept, the top − bottom contrast and its df. */
    private static String describe(MeasureHeadline m) {
        if (m.unavailable() != null) {
            return "  " + m.measure() + ": " + m.unavailable();
        }
        ClassInference.ClassContrast topBottom = m.contrasts().get(1);
        return String.format(
                Locale.ROOT,
                "  %-28s n=%d slopes=%s top-bottom %.5f (SE %.5f, df %s)",
                m.measure(),
                m.trials(),
                m.randomSlopes(),
                topBottom.estimate(),
                topBottom.standardError(),
                topBottom.df() == null ? "z" : String.format(Locale.ROOT, "%.1f", topBottom.df()));
    }

    /** Runs the same models in R; returns R's total seconds, or -1 when R is not usable. */
    private static double timeR(MixedSyntheticStudy study)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("mixed-bench");
        Path csv = dir.resolve("responses.csv");
        Path script = dir.resolve("lme4.R");
        try {
            study.writeCsv(csv);
            Files.writeString(script, R_SCRIPT);
            Process process;
            try {
                process =
                        new ProcessBuilder("Rscript", script.toString(), csv.toString())
                                .redirectErrorStream(true)
                                .start();
            } catch (IOException e) {
                System.out.println("R: Rscript not found, lme4 not timed");
                return -1;
            }
            double total = -1;
            try (BufferedReader out =
                    new BufferedReader(
                            new InputStreamReader(
                                    process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    System.out.println("  " + line);
                    if (line.startsWith("RTOTAL ")) {
                        total = Double.parseDouble(line.substring(7).trim());
                    }
                }
            }
            if (process.waitFor() != 0 || total < 0) {
                System.out.println("R: lme4, lmerTest or emmeans unavailable, lme4 not timed");
                return -1;
            }
            System.out.printf(Locale.ROOT, "R (lme4 defaults) total %.2f s%n", total);
            return total;
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(script);
            Files.deleteIfExists(dir);
        }
    }

    private static String format(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double x : v) {
            b.append(String.format(Locale.ROOT, " %.5f", x));
        }
        return b.toString().trim();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
