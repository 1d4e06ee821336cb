package org.eigenstudy.geometry.stimuli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.eigenstudy.geometry.model.LatentCodes;
import org.eigenstudy.geometry.stimuli.sheet.ContactSheet;
import org.eigenstudy.geometry.stimuli.work.HessianShards;
import org.eigenstudy.geometry.stimuli.work.ModelWork;
import org.eigenstudy.studyconfig.StudyConfig;
import org.eigenstudy.studyconfig.manifest.GeneratedBy;
import org.eigenstudy.studyconfig.manifest.ManifestModel;
import org.eigenstudy.studyconfig.manifest.StimuliFingerprint;
import org.eigenstudy.studyconfig.manifest.StimulusManifest;
import org.eigenstudy.studyconfig.manifest.StimulusManifests;
import org.eigenstudy.studyconfig.sheets.SheetFiles;

/**
 * A study config's stimuli, end to end: validate every model against its card, then per model
 * compute (or resume, or combine from shards) the average Hessian, render the strips, and finally
 * write {@code manifest.json} and per model a contact sheet, spectrum and homogeneity plots and a
 * geometry summary into the output folder's {@code sheets/}.
 */
public final class StimulusPipeline {
    public static final String TOOL = "eigenstudy geometry-core stimuli";
    public static final String FORMAT_VERSION = "1";
    public static final String WORK_FOLDER = ".work";

    private StimulusPipeline() {}

    /** Runs everything; returns the manifest written to {@code out/manifest.json}. */
    public static StimulusManifest run(
            StudyConfig config, Path out, RunOptions options, StimulusProgress progress) {
        List<ModelPlan> plans = SpecValidator.plan(config);
        String configSha = StimuliFingerprint.of(config);
        HessianShards shards = null;
        if (options.fromShards()) {
            shards = new HessianShards(options.hessians(), options.shards());
            shards.checkComplete(plans, configSha);
        }
        plans.forEach(plan -> ModelStimuli.addUnits(plan, progress));
        List<ManifestModel> models = new ArrayList<>();
        Map<String, String> methodDetails = new TreeMap<>();
        for (int m = 0; m < plans.size(); m++) {
            ModelPlan plan = plans.get(m);
            ModelWork work = ModelWork.open(out.resolve(WORK_FOLDER).resolve(plan.id()), plan);
            try (ModelStimuli stimuli = new ModelStimuli(plan, work, out, options, progress)) {
                int model = m;
                HessianShards from = shards;
                IntFunction<Path> pointFiles =
                        k -> from == null ? work.pointHessian(k) : from.pointFile(plans, model, k);
                models.add(stimuli.build(pointFiles));
                methodDetails.putAll(stimuli.methodDetails());
                stimuli.writeGeometry(pointFiles, out.resolve(SheetFiles.FOLDER));
            }
        }
        StimulusManifest manifest =
                new StimulusManifest(
                        StimulusManifest.SCHEMA,
                        config.study().slug(),
                        configSha,
                        new GeneratedBy(TOOL, FORMAT_VERSION, details(plans, methodDetails)),
                        models);
        try {
            StimulusManifests.write(manifest, out.resolve(StimulusManifests.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int m = 0; m < plans.size(); m++) {
            ContactSheet.write(
                    plans.get(m).spec().displayLabel(),
                    models.get(m),
                    out,
                    out.resolve(SheetFiles.FOLDER)
                            .resolve(SheetFiles.contactSheet(plans.get(m).id())));
        }
        progress.finish();
        return manifest;
    }

    /**
     * Settings that shaped the numbers, one entry per model, and per other method used its
     * provenance ({@code <model>.<method>}); nothing time- or host-dependent.
     */
    private static Map<String, String> details(
            List<ModelPlan> plans, Map<String, String> methodDetails) {
        TreeMap<String, String> details = new TreeMap<>(methodDetails);
        for (ModelPlan plan : plans) {
            var h = plan.spec().stimuli().hessian();
            details.put(
                    plan.id() + ".hessian",
                    h.method().yamlName()
                            + ", "
                            + h.points()
                            + " points, distance "
                            + h.distance().yamlName()
                            + (h.equalize() ? ", equalized" : "")
                            + (h.resize() != null ? ", resize " + h.resize() : ""));
            details.put(plan.id() + ".card", plan.card().name());
            if (plan.hessianCodes() != null) {
                details.put(
                        plan.id() + ".hessian_codes_sha256",
                        LatentCodes.sha256(plan.hessianCodes()));
            }
        }
        return details;
    }
}
