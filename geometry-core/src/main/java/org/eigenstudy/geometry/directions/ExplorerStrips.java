package org.eigenstudy.geometry.directions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.model.Generator;
import org.eigenstudy.geometry.stimuli.render.FrameImage;
import org.eigenstudy.geometry.stimuli.render.PngEncoding;

/**
 * What the dashboard's axis explorer shows before a study is paid for: for one reference code,
 * every candidate direction walked from {@code -distance} to {@code +distance} in {@code frames}
 * equal latent steps, each frame as a PNG and its pixel MSE to the reference (the mean over C·H·W,
 * the engine's {@code mse}). Fine steps (many frames) let a slider move smoothly and show where the
 * distance curve bends, which the study's few frames would hide.
 *
 * @param frames odd, so the reference itself is the middle frame
 * @param distance the largest latent step either side
 * @param size the PNG side in pixels
 */
public record ExplorerStrips(int frames, double distance, int size) {

    public ExplorerStrips {
        if (frames < 3 || frames > 101 || frames % 2 == 0) {
            throw new GeometryException("--explore-frames must be odd, 3 to 101, got " + frames);
        }
        if (!(distance > 0) || !Double.isFinite(distance)) {
            throw new GeometryException("--explore-distance must be > 0, got " + distance);
        }
    }

    /** The latent steps, ascending, 0 in the middle. */
    public double[] steps() {
        double[] steps = new double[frames];
        int half = frames / 2;
        for (int i = 0; i < frames; i++) {
            steps[i] = distance * (i - half) / half;
        }
        return steps;
    }

    /**
     * Renders every direction's strip into {@code folder} ({@code d<k>-f<i>.png}, k from 1) and
     * returns, per direction, its frame file names and distances, as written into the JSON.
     */
    public List<Map<String, Object>> render(
            Generator generator, float[] reference, DirectionSet set, Path folder) {
        double[] steps = steps();
        double[] range = generator.card().valueRange();
        int channels = generator.card().channels();
        int side = generator.card().resolution();
        List<Map<String, Object>> out = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (int k = 0; k < set.directions().size(); k++) {
                double[] v = set.directions().get(k).vector();
                float[][] codes = new float[frames][reference.length];
                for (int i = 0; i < frames; i++) {
                    for (int j = 0; j < reference.length; j++) {
                        codes[i][j] = (float) (reference[j] + steps[i] * v[j]);
                    }
                }
                float[][] images = generator.images(codes);
                float[] centre = images[frames / 2];
                List<String> files = new ArrayList<>();
                List<Double> distances = new ArrayList<>();
                for (int i = 0; i < frames; i++) {
                    String name = String.format(Locale.ROOT, "d%d-f%d.png", k + 1, i);
                    Files.write(
                            folder.resolve(name),
                            PngEncoding.encode(
                                    FrameImage.of(images[i], channels, side, side, range, size)));
                    files.add(name);
                    distances.add(meanSquared(images[i], centre));
                }
                Map<String, Object> strip = new LinkedHashMap<>();
                strip.put("label", set.directions().get(k).label());
                strip.put("frames", files);
                strip.put("distances", distances);
                out.add(strip);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static double meanSquared(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum / a.length;
    }
}
