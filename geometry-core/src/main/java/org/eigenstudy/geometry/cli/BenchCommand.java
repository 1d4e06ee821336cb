package org.eigenstudy.geometry.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.bench.Benchmark;
import org.eigenstudy.geometry.bench.BenchmarkReport;
import org.eigenstudy.geometry.bench.OfficialBaseline;
import org.eigenstudy.geometry.distance.FeatureMap;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.model.Generator;
import org.eigenstudy.geometry.model.ModelCard;
import org.eigenstudy.geometry.survey.MetricSurvey;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Times exact, the serial baseline, fd-jacobian, lanczos and the n-forward floor on"
                        + " the same codes; prints a markdown table and, with --report, writes it"
                        + " into that file between geometry-bench markers.")
final class BenchCommand implements Callable<Integer> {
    @ArgGroup(exclusive = false, multiplicity = "1", heading = "Model%n")
    ModelOptions model = new ModelOptions();

    @Mixin EngineOptions engine;

    @Option(
            names = "--points",
            defaultValue = "3",
            description = "codes timed per method (default: ${DEFAULT-VALUE})")
    int points;

    @Option(
            names = "--batch",
            defaultValue = "64",
            description = "exact chunk and forward batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(
            names = "--floor-batch",
            description =
                    "forward batch of the n-forward floor, when it should differ from --batch"
                            + " (e.g. 1 for a 256-px generator; default: --batch)")
    Integer floorBatch;

    @Option(
            names = "--k",
            defaultValue = "10",
            description = "lanczos eigenpairs (default: ${DEFAULT-VALUE})")
    int k;

    @Option(
            names = "--methods",
            split = ",",
            defaultValue = "exact,serial,fd-jacobian,lanczos,floor",
            description =
                    "methods to time, comma-separated, from exact, serial, fd-jacobian, lanczos,"
                            + " floor (default: ${DEFAULT-VALUE})")
    List<String> methods;

    @Option(
            names = "--warmup",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description =
                    "run exact, fd-jacobian and the floor once before timing (default: true;"
                            + " --no-warmup for models where one Hessian takes minutes)")
    boolean warmup;

    @Option(names = "--seed", defaultValue = "0")
    long seed;

    @Option(
            names = "--forward-gflop",
            description =
                    "GFLOP of one phi(G(z)) forward pass per sample, for achieved GFLOP/s"
                            + " (default: the card's extra.forward_gflop, if any)")
    Double forwardGflop;

    @Option(names = "--label", description = "name of this benchmark section (default: model name)")
    String label;

    @Option(names = "--report", description = "markdown file to update (e.g. docs/benchmarks.md)")
    Path report;

    @Option(
            names = "--official",
            description =
                    "also time the paper's own exact Hessian (method BP) from your checkout of its"
                            + " public code (Animadversio/GAN-Geometry), in a Python subprocess on"
                            + " the same module and codes; --distance mse only")
    Path official;

    @Option(
            names = "--python",
            defaultValue = "/usr/bin/python3",
            description =
                    "Python with torch and numpy for --official (default: ${DEFAULT-VALUE},"
                            + " Debian's, as the exporters use)")
    String python;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ModelCard card = model.card();
        try (Generator generator = model.openGenerator(card, engine);
                FeatureMap phi = model.featureMap(generator)) {
            ImageMetric metric = new ImageMetric(generator, phi);
            List<float[]> codes = MetricSurvey.sampleCodes(metric, points, seed);
            Benchmark benchmark =
                    new Benchmark(
                            metric,
                            batch,
                            floorBatch != null ? floorBatch : batch,
                            k,
                            new LinkedHashSet<>(methods),
                            warmup);
            if (official != null) {
                benchmark.withOfficial(officialBaseline(card));
            }
            Benchmark.Result result =
                    benchmark.run(codes, new ProgressBar("bench", spec.commandLine().getErr()));
            String section =
                    BenchmarkReport.markdown(
                            label != null ? label : card.name(),
                            metric,
                            points,
                            forwardGflop != null
                                    ? forwardGflop
                                    : card.extra().hasNonNull("forward_gflop")
                                            ? card.extra().get("forward_gflop").asDouble()
                                            : null,
                            result,
                            String.join(
                                            " ",
                                            spec
                                                    .commandLine()
                                                    .getParseResult()
                                                    .originalArgs()
                                                    .stream()
                                                    .map(a -> a.contains(" ") ? '"' + a + '"' : a)
                                                    .toList())
                                    .replaceFirst("^bench ", ""));
            spec.commandLine().getOut().println(section);
            if (report != null) {
                BenchmarkReport.update(report, label != null ? label : card.name(), section);
            }
        }
        return 0;
    }

    /** The paper's code computes the Hessian of pixel MSE only: anything else is refused. */
    private OfficialBaseline officialBaseline(ModelCard card) {
        if (!model.distance.equals("mse") || model.equalize || model.resize != null) {
            throw new GeometryException(
                    "--official compares on pixel MSE only: drop --distance, --equalize and"
                            + " --resize");
        }
        return new OfficialBaseline(
                official,
                python,
                card.moduleFile(card.space(model.space)),
                EngineOptions.threadsInUse());
    }
}
