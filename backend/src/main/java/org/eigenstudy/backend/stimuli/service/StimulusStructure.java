package org.eigenstudy.backend.stimuli.service;

import java.util.List;
import org.eigenstudy.studyconfig.manifest.ManifestAxis;
import org.eigenstudy.studyconfig.manifest.ManifestModel;
import org.eigenstudy.studyconfig.manifest.ManifestStrip;
import org.eigenstudy.studyconfig.manifest.StimulusManifest;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.eigenstudy.studyconfig.model.Exploration;
import org.eigenstudy.studyconfig.model.ImageDistance;

/**
 * A study's stimuli as the dashboard browses them: the manifest's models, axes, strips and frames,
 * without the latent codes and direction vectors (hundreds of numbers per axis that no page shows).
 * Frame paths are relative to the study version's image URL.
 */
public record StimulusStructure(String slug, int version, List<Model> models) {

    /**
     * One model; with perceptually matched steps {@code matchedImageDistance} is set, {@code steps}
     * are image distances and each strip's {@code latentSteps} the latent distance of its frames.
     */
    public record Model(
            String id,
            String space,
            Exploration exploration,
            double distance,
            Double matchedImageDistance,
            ImageDistance imageDistance,
            List<Double> steps,
            List<Axis> axes) {}

    /** One axis; {@code label} names an imported direction. */
    public record Axis(
            String id,
            AxisClass axisClass,
            int rank,
            String label,
            Double eigenvalue,
            double alpha,
            List<Strip> strips) {}

    public record Strip(
            int reference,
            List<Double> frameDistances,
            List<Double> latentSteps,
            List<Frame> frames) {}

    public record Frame(double step, String path) {}

    static StimulusStructure of(String slug, int version, StimulusManifest manifest) {
        return new StimulusStructure(
                slug, version, manifest.models().stream().map(StimulusStructure::model).toList());
    }

    private static Model model(ManifestModel m) {
        return new Model(
                m.id(),
                m.space(),
                m.exploration(),
                m.distance(),
                m.matchedImageDistance(),
                m.imageDistance(),
                m.steps(),
                m.axes().stream().map(StimulusStructure::axis).toList());
    }

    private static Axis axis(ManifestAxis a) {
        return new Axis(
                a.id(),
                a.axisClass(),
                a.rank(),
                a.label(),
                a.eigenvalue(),
                a.alpha(),
                a.strips().stream().map(StimulusStructure::strip).toList());
    }

    private static Strip strip(ManifestStrip s) {
        return new Strip(
                s.reference(),
                s.frameDistances(),
                s.latentSteps(),
                s.frames().stream().map(f -> new Frame(f.step(), f.path())).toList());
    }
}
