package org.eigenstudy.geometry.stimuli;

import org.eigenstudy.geometry.distance.FeatureMap;
import org.eigenstudy.geometry.distance.FeatureMaps;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.hessian.ExactHessian;
import org.eigenstudy.geometry.hessian.FdJacobianHessian;
import org.eigenstudy.geometry.hessian.FullHessian;
import org.eigenstudy.geometry.model.DeviceChoice;
import org.eigenstudy.geometry.model.Generator;
import org.eigenstudy.studyconfig.model.HessianSpec;

/**
 * The loaded generator and feature map of one model plan: φ∘G for Hessians and for per-frame
 * distances (the same φ, so frame distances are in the units the metric was computed in).
 */
public final class EngineSession implements AutoCloseable {
    private final Generator generator;
    private final FeatureMap featureMap;
    private final ImageMetric metric;
    private final int batch;
    private final ModelPlan plan;
    private final DeviceChoice device;
    private Generator wplusGenerator;
    private ImageMetric wplusMetric;

    public EngineSession(ModelPlan plan, DeviceChoice device, int batch) {
        this.batch = batch;
        this.plan = plan;
        this.device = device;
        this.generator = Generator.open(plan.card(), plan.space().name(), device);
        HessianSpec h = plan.spec().stimuli().hessian();
        try {
            String distance =
                    plan.featureMapCard() == null ? "mse" : plan.featureMapCard().toString();
            this.featureMap = FeatureMaps.create(distance, h.equalize(), h.resize(), generator);
        } catch (RuntimeException e) {
            generator.close();
            throw e;
        }
        this.metric = new ImageMetric(generator, featureMap);
    }

    /** The spec's Hessian method; chunks/batches of {@code batch} codes bound memory. */
    public FullHessian fullHessian(HessianSpec spec) {
        return switch (spec.method()) {
            case FD_JACOBIAN ->
                    new FdJacobianHessian(
                            metric,
                            spec.epsilon() != null
                                    ? spec.epsilon()
                                    : FdJacobianHessian.DEFAULT_EPSILON,
                            batch);
            case EXACT -> new ExactHessian(metric, Math.min(batch, generator.dim()));
            case LANCZOS ->
                    throw new IllegalStateException("SpecValidator refuses lanczos for stimuli");
        };
    }

    public ImageMetric metric() {
        return metric;
    }

    /**
     * φ∘G⁺ for the space's W+ module (card {@code spaces[].wplus}), loaded on first use; the same φ
     * as {@link #metric}, so layered strips' frame distances are comparable with the others.
     */
    public ImageMetric wplusMetric() {
        if (wplusMetric == null) {
            wplusGenerator = Generator.openWPlus(plan.card(), plan.space().name(), device);
            wplusMetric = new ImageMetric(wplusGenerator, featureMap);
        }
        return wplusMetric;
    }

    public Generator generator() {
        return generator;
    }

    public String deviceName() {
        return generator.device().toString();
    }

    @Override
    public void close() {
        try {
            featureMap.close();
        } finally {
            try {
                generator.close();
            } finally {
                if (wplusGenerator != null) {
                    wplusGenerator.close();
                }
            }
        }
    }
}
