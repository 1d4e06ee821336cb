package org.eigenstudy.geometry.stimuli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.eigenstudy.geometry.analysis.Eigen;
import org.eigenstudy.geometry.analysis.GlobalHessian;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.eigenstudy.geometry.stimuli.axes.Axis;
import org.eigenstudy.geometry.stimuli.axes.AxisSelector;
import org.eigenstudy.geometry.stimuli.axes.MethodAxes;
import org.eigenstudy.geometry.stimuli.frames.FramePath;
import org.eigenstudy.geometry.stimuli.render.StepMatcher;
import org.eigenstudy.geometry.stimuli.render.StripRenderer;
import org.eigenstudy.geometry.stimuli.sheet.ModelGeometry;
import org.eigenstudy.geometry.stimuli.work.AtomicFiles;
import org.eigenstudy.geometry.stimuli.work.HessianPoints;
import org.eigenstudy.geometry.stimuli.work.ModelWork;
import org.eigenstudy.geometry.stimuli.work.StripRecords;
import org.eigenstudy.studyconfig.manifest.ManifestAxis;
import org.eigenstudy.studyconfig.manifest.ManifestModel;
import org.eigenstudy.studyconfig.manifest.ManifestReference;
import org.eigenstudy.studyconfig.manifest.ManifestStrip;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.eigenstudy.studyconfig.model.DirectionsSpec;
import org.eigenstudy.studyconfig.model.MatchedSteps;
import org.eigenstudy.studyconfig.model.StimulusSpec;
import org.ejml.data.DMatrixRMaj;

/**
 * The stimuli of one model: average Hessian → eigenpairs → axes → references → strips, each stage
 * saved in the model's {@link ModelWork} folder as it completes and reused on the next run. The
 * engine is loaded only when something is left to compute.
 */
final class ModelStimuli implements AutoCloseable {
    static final String REFERENCE_STREAM = "reference";
    private final ModelPlan plan;
    private final ModelWork work;
    private final Path stimuliFolder;
    private final RunOptions options;
    private final StimulusProgress progress;
    private final MethodDirections methods;
    private EngineSession session;

    ModelStimuli(
            ModelPlan plan,
            ModelWork work,
            Path stimuliFolder,
            RunOptions options,
            StimulusProgress progress) {
        this.plan = plan;
        this.work = work;
        this.stimuliFolder = stimuliFolder;
        this.options = options;
        this.progress = progress;
        this.methods =
                new MethodDirections(
                        plan, work.directions(), () -> session().generator(), options.device());
    }

    /**
     * The provenance of the other methods' directions, {@code <model>.<method>} → one line; call
     * after {@link #build}.
     */
    Map<String, String> methodDetails() {
        Map<String, String> out = new TreeMap<>();
        methods.details().forEach((method, line) -> out.put(plan.id() + "." + method, line));
        DirectionsSpec.LayerRange layers = plan.spec().stimuli().directions().layers();
        if (layers != null) {
            // The manifest's vectors and reference codes stay codes of the space; this line says
            // how the method axes' frames were made from them.
            out.put(
                    plan.id() + ".layers",
                    "method directions rendered as W+ edits through "
                            + plan.space().wplus().module()
                            + ": layers ["
                            + layers.start()
                            + ", "
                            + layers.end()
                            + ") of "
                            + plan.space().wplus().layers()
                            + " (0-based, end exclusive); frames are the reference repeated over"
                            + " every layer plus t times the direction in those layers only");
        }
        return out;
    }

    /** Announces the units of progress this model reports: its Hessian points and its strips. */
    static void addUnits(ModelPlan plan, StimulusProgress progress) {
        StimulusSpec s = plan.spec().stimuli();
        long axes = 0;
        for (AxisClass c : AxisClass.values()) {
            axes += s.axes().count(c);
        }
        progress.addTotal(StimulusProgress.Unit.HESSIAN, s.hessian().points());
        progress.addTotal(StimulusProgress.Unit.STRIP, axes * s.references());
    }

    /**
     * @param pointFiles where point k's Hessian is (computed there when missing, unless sharded)
     */
    ManifestModel build(IntFunction<Path> pointFiles) {
        StimulusSpec spec = plan.spec().stimuli();
        DMatrixRMaj average = averageHessian(pointFiles);
        Eigen eigen = eigen(average);
        List<Axis> axes =
                new ArrayList<>(AxisSelector.select(average, eigen, spec.axes(), spec.seed()));
        for (AxisClass method : MethodDirections.METHODS) {
            int count = spec.axes().count(method);
            if (count > 0) {
                axes.addAll(MethodAxes.of(method, methods.of(method), count, average));
            }
        }
        List<float[]> references = references();
        // With matched steps the model's steps are the frames' target image distances; each
        // strip finds its own latent steps.
        MatchedSteps matched = spec.matchedSteps();
        double[] steps =
                matched == null
                        ? FramePath.steps(spec.distance(), spec.frames())
                        : FramePath.steps(matched.imageDistance(), spec.frames());
        List<ManifestAxis> manifestAxes = new ArrayList<>();
        for (Axis axis : axes) {
            String id =
                    ManifestAxis.idFor(
                            plan.id(), plan.space().name(), axis.axisClass(), axis.rank());
            List<ManifestStrip> strips = new ArrayList<>();
            for (int r = 0; r < references.size(); r++) {
                strips.add(strip(axis, id, r, references.get(r), steps));
            }
            manifestAxes.add(
                    new ManifestAxis(
                            id,
                            axis.axisClass(),
                            axis.rank(),
                            axis.label(),
                            axis.eigenvalue() == null
                                    ? null
                                    : Numbers.significant(axis.eigenvalue()),
                            Numbers.significant(axis.alpha()),
                            Numbers.significantList(axis.vector()),
                            strips));
        }
        List<ManifestReference> manifestReferences = new ArrayList<>();
        for (int r = 0; r < references.size(); r++) {
            manifestReferences.add(new ManifestReference(r, Numbers.floats(references.get(r))));
        }
        List<Double> stepList = new ArrayList<>();
        for (double t : steps) {
            stepList.add(t);
        }
        return new ManifestModel(
                plan.id(),
                plan.space().name(),
                plan.card().sha256(),
                plan.exploration(),
                spec.distance(),
                stepList,
                matched == null ? null : matched.imageDistance(),
                spec.hessian().distance(),
                manifestReferences,
                manifestAxes);
    }

    /**
     * Writes the model's spectrum and homogeneity plots and their summary into {@code sheets}; call
     * after {@link #build}, which leaves the eigenvalues of the average Hessian in the work folder.
     */
    void writeGeometry(IntFunction<Path> pointFiles, Path sheets) {
        ModelGeometry.write(
                plan.id(),
                plan.spec().displayLabel(),
                plan.spec().stimuli().hessian().points(),
                pointFiles,
                Npy.read(work.eigenvalues()).data(),
                work.geometry(),
                sheets);
    }

    private DMatrixRMaj averageHessian(IntFunction<Path> pointFiles) {
        if (Files.isRegularFile(work.averageHessian())) {
            int points = plan.spec().stimuli().hessian().points();
            for (int k = 0; k < points; k++) {
                progress.advance(StimulusProgress.Unit.HESSIAN, plan.id() + " Hessians", true);
            }
            return HessianPoints.read(work.averageHessian());
        }
        int points = plan.spec().stimuli().hessian().points();
        List<Integer> all = new ArrayList<>();
        for (int k = 0; k < points; k++) {
            all.add(k);
        }
        HessianPoints.compute(
                plan,
                all,
                pointFiles,
                () -> session().fullHessian(plan.spec().stimuli().hessian()),
                progress);
        List<DMatrixRMaj> hessians = new ArrayList<>();
        for (int k : all) {
            hessians.add(HessianPoints.read(pointFiles.apply(k)));
        }
        DMatrixRMaj average = GlobalHessian.average(hessians);
        writeMatrix(work.averageHessian(), average);
        return average;
    }

    private Eigen eigen(DMatrixRMaj average) {
        if (Files.isRegularFile(work.eigenvectors()) && Files.isRegularFile(work.eigenvalues())) {
            NpyArray values = Npy.read(work.eigenvalues());
            DMatrixRMaj vectors = HessianPoints.read(work.eigenvectors());
            return new Eigen(values.data(), vectors);
        }
        Eigen eigen = Eigen.of(average);
        AtomicFiles.write(
                work.eigenvalues(),
                tmp ->
                        Npy.write(
                                tmp,
                                new NpyArray(new int[] {eigen.values().length}, eigen.values()),
                                false));
        writeMatrix(work.eigenvectors(), eigen.vectors());
        return eigen;
    }

    private static void writeMatrix(Path file, DMatrixRMaj m) {
        AtomicFiles.write(
                file,
                tmp ->
                        Npy.write(
                                tmp,
                                new NpyArray(new int[] {m.numRows, m.numCols}, m.data),
                                false));
    }

    /** Reference codes from their own seed stream, one index each. */
    List<float[]> references() {
        StimulusSpec spec = plan.spec().stimuli();
        try (LatentSampler sampler = new LatentSampler(plan, spec.referencePrior().truncation())) {
            List<float[]> codes = new ArrayList<>();
            for (int r = 0; r < spec.references(); r++) {
                codes.add(sampler.sample(spec.seed(), REFERENCE_STREAM, r));
            }
            return codes;
        }
    }

    private ManifestStrip strip(
            Axis axis, String axisId, int r, float[] reference, double[] steps) {
        Path record = work.strip(axisId, r);
        String what = axisId + " r" + r;
        var saved = StripRecords.load(record, stimuliFolder);
        if (saved.isPresent()) {
            progress.advance(StimulusProgress.Unit.STRIP, what, true);
            return saved.get();
        }
        StimulusSpec spec = plan.spec().stimuli();
        int size = spec.image().size() != null ? spec.image().size() : plan.card().resolution();
        // A layered method axis is rendered in W+: the same renderer and step search, on the W+
        // module, with the reference repeated over the layers and the direction in its range.
        DirectionsSpec.LayerRange layers = spec.directions().layers();
        ImageMetric metric = session().metric();
        if (layers != null && MethodDirections.METHODS.contains(axis.axisClass())) {
            int count = plan.space().wplus().layers();
            metric = session().wplusMetric();
            reference = LayeredCodes.repeat(reference, count);
            axis =
                    new Axis(
                            axis.axisClass(),
                            axis.rank(),
                            axis.label(),
                            axis.eigenvalue(),
                            axis.alpha(),
                            LayeredCodes.place(axis.vector(), count, layers));
        }
        StripRenderer renderer =
                new StripRenderer(
                        metric, stimuliFolder, plan.id(), plan.exploration(), steps, size);
        MatchedSteps matched = spec.matchedSteps();
        ManifestStrip strip;
        if (matched == null) {
            strip = renderer.render(axis, r, reference);
        } else {
            StepMatcher matcher =
                    new StepMatcher(
                            metric,
                            plan.id(),
                            spec.distance(),
                            matched.imageDistance(),
                            spec.frames(),
                            options.batch());
            double[] latent =
                    matcher.latentSteps(StripRenderer.widen(reference), axis.vector(), axisId, r);
            strip = renderer.renderMatched(axis, r, reference, latent);
        }
        StripRecords.save(record, strip);
        progress.advance(StimulusProgress.Unit.STRIP, what, false);
        return strip;
    }

    private EngineSession session() {
        if (session == null) {
            session = new EngineSession(plan, options.device(), options.batch());
        }
        return session;
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
    }
}
