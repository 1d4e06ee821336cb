package org.eigenstudy.geometry.cli;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eigenstudy.geometry.analysis.GeometryReport;
import org.eigenstudy.geometry.distance.FeatureMap;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.hessian.HessianSettings;
import org.eigenstudy.geometry.model.Generator;
import org.eigenstudy.geometry.model.LatentCodes;
import org.eigenstudy.geometry.model.ModelCard;
import org.eigenstudy.geometry.survey.MetricSurvey;
import org.eigenstudy.geometry.survey.RunWriter;
import org.eigenstudy.geometry.survey.SurveyResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "hessian",
        mixinStandardHelpOptions = true,
        description =
                "Metric tensors at --points codes drawn from the space's prior, their eigenpairs and"
                        + " every statistic, written to --out (see docs/geometry.md).")
final class HessianCommand implements Callable<Integer> {
    @ArgGroup(exclusive = false, multiplicity = "1", heading = "Model%n")
    ModelOptions model = new ModelOptions();

    @Mixin EngineOptions engine;

    @ArgGroup(exclusive = false, heading = "Method%n")
    MethodOptions method = new MethodOptions();

    @Option(
            names = "--points",
            defaultValue = "16",
            description = "latent codes (default: ${DEFAULT-VALUE})")
    int points;

    @Option(
            names = "--seed",
            defaultValue = "0",
            description = "seed of codes and Lanczos (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--codes",
            description =
                    "a .npy file of latent codes [N, dim] (or one code [dim]) to use instead of"
                            + " --points prior draws, e.g. inverted real images")
    Path codesFile;

    @Option(names = "--out", required = true, description = "run folder to write")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (points < 1) {
            throw new org.eigenstudy.geometry.GeometryException("--points must be >= 1");
        }
        if (codesFile != null && spec.commandLine().getParseResult().hasMatchedOption("--points")) {
            throw new org.eigenstudy.geometry.GeometryException(
                    "give --codes or --points, not both");
        }
        ModelCard card = model.card();
        try (Generator generator = model.openGenerator(card, engine);
                FeatureMap phi = model.featureMap(generator)) {
            ImageMetric metric = new ImageMetric(generator, phi);
            List<float[]> codes =
                    codesFile == null
                            ? MetricSurvey.sampleCodes(metric, points, seed)
                            : LatentCodes.read(codesFile, generator.dim());
            points = codes.size();
            HessianSettings settings = method.planned(method.settings(seed), metric, codes.get(0));
            SurveyResult result =
                    MetricSurvey.run(
                            metric,
                            settings,
                            codes,
                            new ProgressBar(
                                    "hessian " + settings.method() + ", " + points + " points",
                                    spec.commandLine().getErr()));
            GeometryReport report = GeometryReport.of(result.hessians(), result.eigens(), seed);
            RunWriter.write(
                    out,
                    describe(card, generator, phi, settings),
                    result,
                    report,
                    card.name() + " / " + generator.space().name() + " / " + phi.name(),
                    generator.space().upstreamScale());
        }
        spec.commandLine().getOut().println("wrote " + out);
        return 0;
    }

    private Map<String, Object> describe(
            ModelCard card, Generator generator, FeatureMap phi, HessianSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", card.name());
        m.put("model_card_sha256", card.sha256());
        m.put("space", generator.space().name());
        m.put("dim", generator.dim());
        m.put("distance", phi.name());
        m.put("mse_convention", "mean over C*H*W values; H = 2 J^T J of phi(x) = x / sqrt(N)");
        m.put("method", s.method());
        m.put("batch", s.batch());
        m.put(
                "epsilon",
                s.method().equals("exact") || s.method().equals("serial")
                        ? null
                        : s.epsilonOrDefault());
        if (!s.isFull()) {
            m.put("k", s.k());
            m.put("steps", s.steps());
            m.put("hvp", s.hvp().name().toLowerCase(java.util.Locale.ROOT));
        }
        m.put("points", points);
        if (codesFile != null) {
            m.put("codes_file", codesFile.getFileName().toString());
            m.put("codes_sha256", LatentCodes.sha256(codesFile));
        }
        m.put("seed", seed);
        m.put("device", generator.device().toString());
        m.put("engine", "PyTorch " + Engine.getEngine("PyTorch").getVersion());
        m.put("java", System.getProperty("java.version"));
        return m;
    }
}
