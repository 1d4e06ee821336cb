package org.eigenstudy.studyconfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eigenstudy.studyconfig.model.AxesSpec;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.eigenstudy.studyconfig.model.ConfigEnum;
import org.eigenstudy.studyconfig.model.Design;
import org.eigenstudy.studyconfig.model.DirectionsSpec;
import org.eigenstudy.studyconfig.model.HessianSpec;
import org.eigenstudy.studyconfig.model.ModelSpec;
import org.eigenstudy.studyconfig.model.StimulusSpec;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a config back as YAML with every field explicit (defaults included), in the documented key
 * order. Parsing the output gives an equal config; the backend stores this form so a study's design
 * does not change when defaults change in a later release.
 */
public final class StudyConfigWriter {
    private StudyConfigWriter() {}

    public static String toYaml(StudyConfig config) {
        return dump(toMap(config));
    }

    /**
     * The config as nested maps and lists with every field explicit, in the documented key order:
     * what {@link #toYaml} writes, for comparing two configs field by field.
     */
    public static Map<String, Object> toMap(StudyConfig config) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("study", study(config));
        root.put("models", config.models().stream().map(StudyConfigWriter::model).toList());
        root.put("design", design(config.design()));
        Map<String, Object> recruitment = new LinkedHashMap<>();
        recruitment.put("completion_code", config.recruitment().completionCode());
        recruitment.put("prolific_completion_url", config.recruitment().prolificCompletionUrl());
        recruitment.put("compensation", config.recruitment().compensation());
        root.put("recruitment", recruitment);
        return root;
    }

    private static String dump(Map<String, Object> root) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(100);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        return new Yaml(options).dump(root);
    }

    /**
     * What a study's stimuli are made from, as YAML with every field explicit: each model without
     * its label. The study's slug, title, texts, design and recruitment are left out, so changing
     * them (or duplicating the study under another slug) gives the same text and keeps the stimuli;
     * {@code StimuliFingerprint} hashes this.
     */
    public static String stimuliYaml(StudyConfig config) {
        return dump(stimuliMap(config));
    }

    /** {@link #stimuliYaml} as maps, with the same field paths as {@link #toMap}. */
    static Map<String, Object> stimuliMap(StudyConfig config) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put(
                "models",
                config.models().stream()
                        .map(
                                m -> {
                                    Map<String, Object> model = model(m);
                                    model.remove("label");
                                    return model;
                                })
                        .toList());
        return root;
    }

    private static Map<String, Object> study(StudyConfig config) {
        Map<String, Object> study = new LinkedHashMap<>();
        study.put("slug", config.study().slug());
        study.put("title", config.study().title());
        study.put("version", config.study().version());
        study.put("description", config.study().description());
        study.put("instructions", config.study().instructions());
        study.put("consent", config.study().consent());
        study.put("debrief", config.study().debrief());
        study.put("retention_days", config.study().retentionDays());
        return study;
    }

    private static Map<String, Object> model(ModelSpec model) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", model.id());
        out.put("card", model.card());
        out.put("space", model.space());
        out.put("label", model.label());
        out.put("stimuli", stimuli(model.stimuli()));
        return out;
    }

    private static Map<String, Object> stimuli(StimulusSpec spec) {
        HessianSpec h = spec.hessian();
        Map<String, Object> hessian = new LinkedHashMap<>();
        hessian.put("points", h.points());
        hessian.put("method", name(h.method()));
        hessian.put("distance", name(h.distance()));
        hessian.put("feature_map", h.featureMap());
        hessian.put("epsilon", h.epsilon());
        hessian.put("equalize", h.equalize());
        hessian.put("resize", h.resize());
        hessian.put("codes", h.codes());
        AxesSpec a = spec.axes();
        Map<String, Object> axes = new LinkedHashMap<>();
        axes.put("top", a.top());
        axes.put("orthogonal", a.orthogonal());
        axes.put("orthogonal_exclude_top", a.orthogonalExcludeTop());
        axes.put("bottom", a.bottom());
        // The other methods only when used, so a metric-only study reads as it was written.
        for (AxisClass method :
                List.of(AxisClass.GANSPACE, AxisClass.SEFA, AxisClass.RANDOM, AxisClass.IMPORTED)) {
            if (a.count(method) > 0) {
                axes.put(method.yamlName(), a.count(method));
            }
        }
        Map<String, Object> prior = new LinkedHashMap<>();
        prior.put("truncation", spec.referencePrior().truncation());
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("size", spec.image().size());
        image.put("format", name(spec.image().format()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hessian", hessian);
        out.put("axes", axes);
        if (!spec.directions().equals(DirectionsSpec.DEFAULT)) {
            Map<String, Object> directions = new LinkedHashMap<>();
            directions.put("sefa_weights", spec.directions().sefaWeights());
            directions.put("ganspace_samples", spec.directions().ganspaceSamples());
            directions.put("imported", spec.directions().importedFile());
            DirectionsSpec.LayerRange layers = spec.directions().layers();
            if (layers != null) {
                directions.put("layers", List.of(layers.start(), layers.end()));
            }
            out.put("directions", directions);
        }
        out.put("references", spec.references());
        out.put("reference_prior", prior);
        out.put("frames", spec.frames());
        out.put("exploration", name(spec.exploration()));
        out.put("distance", spec.distance());
        if (spec.matchedSteps() != null) {
            out.put("matched_steps", Map.of("image_distance", spec.matchedSteps().imageDistance()));
        }
        out.put("image", image);
        out.put("seed", spec.seed());
        return out;
    }

    private static Map<String, Object> design(Design d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trials_per_participant", d.trialsPerParticipant());
        out.put("axis_classes", d.axisClasses().stream().map(ConfigEnum::yamlName).toList());
        out.put("ordering", name(d.ordering()));
        out.put("presentation", name(d.presentation()));
        out.put("catch_trials", d.catchTrials());
        out.put("practice_trial", d.practiceTrial());
        out.put("allow_repeat", d.allowRepeat());
        out.put("session_timeout_minutes", d.sessionTimeoutMinutes());
        out.put("max_participants", d.maxParticipants());
        out.put(
                "exclusion",
                Map.of("max_failed_catch_trials", d.exclusion().maxFailedCatchTrials()));
        return out;
    }

    private static String name(ConfigEnum value) {
        return value == null ? null : value.yamlName();
    }
}
