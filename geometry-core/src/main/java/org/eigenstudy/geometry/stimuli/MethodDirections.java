package org.eigenstudy.geometry.stimuli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.eigenstudy.geometry.directions.Direction;
import org.eigenstudy.geometry.directions.DirectionSet;
import org.eigenstudy.geometry.directions.ImportedDirections;
import org.eigenstudy.geometry.directions.ModelDirections;
import org.eigenstudy.geometry.directions.RandomDirections;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.eigenstudy.geometry.model.DeviceChoice;
import org.eigenstudy.geometry.model.Generator;
import org.eigenstudy.geometry.stimuli.work.AtomicFiles;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.eigenstudy.studyconfig.model.StimulusSpec;

/**
 * The directions of every other method a model's spec asks for (issue #19), from the {@code
 * directions} package: SeFa of the generator's weights, GANSpace of codes drawn from the seed's own
 * {@value #GANSPACE_STREAM} stream, random vectors from the seed's {@code random-direction} streams
 * (RandomDirections derives them), imported vectors from the study's file. SeFa and GANSpace need
 * the engine, so their vectors and provenance are kept in the work folder and a rerun reuses them
 * without loading it.
 */
final class MethodDirections {
    static final String GANSPACE_STREAM = "ganspace";

    /** The methods in manifest order (AxisClass declaration order). */
    static final List<AxisClass> METHODS =
            List.of(AxisClass.GANSPACE, AxisClass.SEFA, AxisClass.RANDOM, AxisClass.IMPORTED);

    private final ModelPlan plan;
    private final Path folder;
    private final Supplier<Generator> generator;
    private final DeviceChoice device;
    private final Map<String, String> details = new TreeMap<>();

    MethodDirections(
            ModelPlan plan, Path folder, Supplier<Generator> generator, DeviceChoice device) {
        this.plan = plan;
        this.folder = folder;
        this.generator = generator;
        this.device = device;
    }

    /** The directions of {@code method}, at least as many as the spec's count for it. */
    DirectionSet of(AxisClass method) {
        StimulusSpec spec = plan.spec().stimuli();
        int count = spec.axes().count(method);
        DirectionSet set =
                switch (method) {
                    case SEFA, GANSPACE -> cached(method, count);
                    case RANDOM -> RandomDirections.draw(plan.dim(), count, spec.seed());
                    case IMPORTED -> ImportedDirections.read(plan.importedDirections(), plan.dim());
                    default -> throw new IllegalArgumentException(method + " is the metric's");
                };
        details.put(method.yamlName(), describe(set.provenance()));
        return set;
    }

    /**
     * Each used method's provenance as one line (keys sorted: the sets' maps have no stable order),
     * for the manifest's {@code generated_by.details}.
     */
    Map<String, String> details() {
        return details;
    }

    private DirectionSet cached(AxisClass method, int count) {
        Path vectors = folder.resolve(method.yamlName() + ".npy");
        Path provenance = folder.resolve(method.yamlName() + ".txt");
        if (Files.isRegularFile(vectors) && Files.isRegularFile(provenance)) {
            NpyArray a = Npy.read(vectors);
            int dim = a.shape()[1];
            List<Direction> directions = new ArrayList<>();
            for (int k = 0; k < a.shape()[0]; k++) {
                double[] v = new double[dim];
                System.arraycopy(a.data(), k * dim, v, 0, dim);
                directions.add(new Direction(method.yamlName() + "-" + (k + 1), v, null));
            }
            try {
                String line = Files.readString(provenance, StandardCharsets.UTF_8);
                return new DirectionSet(method.yamlName(), directions, Map.of("saved", line));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        DirectionSet set = compute(method, count);
        int dim = set.dim();
        double[] data = new double[count * dim];
        for (int k = 0; k < count; k++) {
            System.arraycopy(set.directions().get(k).vector(), 0, data, k * dim, dim);
        }
        AtomicFiles.write(
                vectors, tmp -> Npy.write(tmp, new NpyArray(new int[] {count, dim}, data), false));
        AtomicFiles.write(provenance, describe(set.provenance()).getBytes(StandardCharsets.UTF_8));
        return set;
    }

    private DirectionSet compute(AxisClass method, int count) {
        StimulusSpec spec = plan.spec().stimuli();
        if (method == AxisClass.SEFA) {
            return ModelDirections.sefa(
                    generator.get(),
                    spec.directions().sefaWeights(),
                    spec.directions().layers(),
                    count);
        }
        long seed = Seeds.derive(spec.seed(), GANSPACE_STREAM, 0);
        return ModelDirections.ganspace(
                plan.card(),
                plan.space(),
                spec.directions().ganspaceSamples(),
                count,
                new Random(seed),
                device,
                Map.of("stream", GANSPACE_STREAM + " of seed " + spec.seed()));
    }

    /** {@code key value; key value} with the keys sorted; a reused set says what was saved. */
    static String describe(Map<String, Object> provenance) {
        if (provenance.size() == 1 && provenance.containsKey("saved")) {
            return String.valueOf(provenance.get("saved"));
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Object> e : new TreeMap<>(provenance).entrySet()) {
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(e.getKey()).append(' ').append(e.getValue());
        }
        return out.toString();
    }
}
