package org.eigenstudy.backend.statistics.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eigenstudy.backend.statistics.mixed.ClassInference;
import org.eigenstudy.backend.statistics.mixed.GlmmFit;
import org.eigenstudy.backend.statistics.mixed.LogisticMixedModel;
import org.eigenstudy.backend.statistics.mixed.MixedDesign;
import org.eigenstudy.backend.statistics.mixed.RandomEffectsSelection;

/**
 * Benchmark of the headline mixed models (docs/benchmarks.md, "Mixed models"): on one synthetic
 * study, the REML fit with by-participant slopes (falling back to intercepts when singular) of
 * magnitude, consistency, shared count (seen trials) and difficulty (all trials), each with
 * Satterthwaite marginal means and Holm-adjusted contrasts, and the Laplace GLMM of change seen
 * with its marginal means. When {@code Rscript} with lme4, lmerTest and emmeans is installed, the
 * same models are timed in R on the same rows in the same run and the ratio is printed. Arguments:
 * [participants, default 1000] [trials per participant, default 100] [axes per class, default 20]
 * [runs, default 2].
 */
public final class MixedBenchmark {

    private static final String[] MEASURES = {"magnitude", "consistency", "shared", "difficulty"};

    private static final String R_SCRIPT =
            String.join(
                    "\n",
                    "suppressPackageStartupMessages({library(lme4); library(lmerTest);"
                            + " library(emmeans)})",
                    "emm_options(lmer.df = 'satterthwaite', lmerTest.limit = 1e7)",
                    "d <- read.csv(commandArgs(TRUE)[1])",
                    "d$class <- factor(d$class, levels = c('top', 'orthogonal', 'bottom'))",
                    "total <- 0",
                    "for (m in c('magnitude', 'consistency', 'shared', 'difficulty')) {",
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
        double best = Double.POSITIVE_INFINITY;
        // The five models are independent: two threads, as many as the target machine has cores.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int run = 1; run <= runs; run++) {
                long start = System.nanoTime();
                double[][] responses = {
                    study.magnitude, study.consistency, study.shared, study.difficulty
                };
                List<Future<String>> lines = new ArrayList<>();
                lines.add(pool.submit(() -> seen(study)));
                for (int m = 0; m < MEASURES.length; m++) {
                    int measure = m;
                    lines.add(pool.submit(() -> rating(study, measure, responses[measure])));
                }
                List<String> out = new ArrayList<>();
                for (Future<String> line : lines) {
                    out.add(line.get());
                }
                double total = seconds(start);
                best = Math.min(best, total);
                System.out.printf(
                        Locale.ROOT, "run %d: Java total (2 threads) %.2f s%n", run, total);
                out.forEach(System.out::println);
            }
        } finally {
            pool.shutdown();
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

    private static String rating(MixedSyntheticStudy study, int m, double[] response) {
        long t = System.nanoTime();
        MixedDesign d = study.design(response, m < 3, true);
        RandomEffectsSelection s = RandomEffectsSelection.fit(d, true);
        ClassInference inference = ClassInference.of(s.fit(), 0.95);
        return String.format(
                Locale.ROOT,
                "  %-11s %6.2f s  n=%d slopes=%s contrast top-bottom %.3f (df %.1f) fixef %s",
                MEASURES[m],
                seconds(t),
                d.observations(),
                s.randomSlopes(),
                inference.contrasts().get(1).estimate(),
                inference.contrasts().get(1).df(),
                format(s.fit().beta()));
    }

    private static String seen(MixedSyntheticStudy study) {
        long t = System.nanoTime();
        GlmmFit g = LogisticMixedModel.fit(study.seenDesign());
        ClassInference seen = ClassInference.of(g, 0.95);
        return String.format(
                Locale.ROOT,
                "  %-11s %6.2f s  P(seen | top) %.3f fixef %s",
                "seen",
                seconds(t),
                seen.means().get(0).responseEstimate(),
                format(g.beta()));
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
