package org.eigenstudy.geometry.stimuli.render;

import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.model.ModelCard;
import org.eigenstudy.geometry.stimuli.Numbers;
import org.eigenstudy.geometry.stimuli.axes.Axis;
import org.eigenstudy.geometry.stimuli.frames.FramePath;
import org.eigenstudy.geometry.stimuli.work.AtomicFiles;
import org.eigenstudy.studyconfig.manifest.ManifestFrame;
import org.eigenstudy.studyconfig.manifest.ManifestStrip;
import org.eigenstudy.studyconfig.manifest.Sha256;
import org.eigenstudy.studyconfig.model.Exploration;
import org.eigenstudy.studyconfig.model.ImageFormat;

/**
 * One reference code moved along one axis: the frame codes, their images written as PNG files under
 * the stimuli folder, and each frame's image distance to the reference (the middle frame).
 */
public final class StripRenderer {
    private static final MathContext DISTANCE_DIGITS = new MathContext(7);
    private final ImageMetric metric;
    private final Path stimuliFolder;
    private final String modelId;
    private final Exploration exploration;
    private final double[] steps;
    private final int size;

    public StripRenderer(
            ImageMetric metric,
            Path stimuliFolder,
            String modelId,
            Exploration exploration,
            double[] steps,
            int size) {
        this.metric = metric;
        this.stimuliFolder = stimuliFolder;
        this.modelId = modelId;
        this.exploration = exploration;
        this.steps = steps.clone();
        this.size = size;
    }

    /** The strip at the renderer's steps, which are the latent steps too (fixed steps). */
    public ManifestStrip render(Axis axis, int referenceIndex, float[] reference) {
        return render(axis, referenceIndex, reference, steps, null);
    }

    /**
     * The strip with frame f at latent step {@code latent[f]} and recorded at the renderer's step f
     * (with matched steps: its target image distance); the strip then records its latent steps.
     */
    public ManifestStrip renderMatched(
            Axis axis, int referenceIndex, float[] reference, double[] latent) {
        List<Double> latentSteps = new ArrayList<>(latent.length);
        for (double t : latent) {
            latentSteps.add(t);
        }
        return render(axis, referenceIndex, reference, latent, latentSteps);
    }

    /** The reference code widened to float64, as the frame paths take it. */
    public static double[] widen(float[] reference) {
        double[] z0 = new double[reference.length];
        for (int i = 0; i < z0.length; i++) {
            z0[i] = reference[i];
        }
        return z0;
    }

    private ManifestStrip render(
            Axis axis,
            int referenceIndex,
            float[] reference,
            double[] latent,
            List<Double> latentSteps) {
        double[] z0 = widen(reference);
        double[][] codes = FramePath.codes(exploration, z0, axis.vector(), latent);
        float[][] batch = new float[codes.length][z0.length];
        for (int f = 0; f < codes.length; f++) {
            for (int i = 0; i < z0.length; i++) {
                batch[f][i] = (float) codes[f][i];
            }
        }
        Rendered rendered = BatchRenderer.render(metric, batch);
        ModelCard card = metric.generator().card();
        int middle = steps.length / 2;
        List<Double> distances = new ArrayList<>();
        List<ManifestFrame> frames = new ArrayList<>();
        for (int f = 0; f < steps.length; f++) {
            distances.add(round(rendered.distance(f, middle)));
            byte[] png =
                    PngEncoding.encode(
                            FrameImage.of(
                                    rendered.images()[f],
                                    card.channels(),
                                    card.resolution(),
                                    card.resolution(),
                                    card.valueRange(),
                                    size));
            String path =
                    ManifestFrame.pathFor(
                            modelId,
                            axis.axisClass(),
                            axis.rank(),
                            referenceIndex,
                            f,
                            ImageFormat.PNG);
            AtomicFiles.write(stimuliFolder.resolve(path), png);
            frames.add(new ManifestFrame(steps[f], path, Sha256.of(png)));
        }
        return new ManifestStrip(referenceIndex, distances, latentSteps, frames);
    }

    /**
     * Seven significant digits: the features are float32, so further digits are round-off that
     * could differ between machines and needlessly change the manifest's bytes.
     */
    static double round(double value) {
        return Numbers.significant(value, DISTANCE_DIGITS);
    }
}
