package org.eigenstudy.backend.study.imports;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eigenstudy.backend.api.ApiException;
import org.eigenstudy.backend.crypto.Secrets;
import org.eigenstudy.backend.study.StudyDesign;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads the parts of a study config the platform needs. */
@ApplicationScoped
public class StudyConfigReader {

    @SuppressWarnings("unchecked")
    public StudyDefinition read(String yamlText, String sourceName, Path baseDirectory) {
        Map<String, Object> root;
        try {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
            if (!(parsed instanceof Map)) {
                throw ApiException.invalid(sourceName + ": not a YAML mapping", null, "config");
            }
            root = (Map<String, Object>) parsed;
        } catch (YAMLException e) {
            throw ApiException.invalid(sourceName + ": " + e.getMessage(), null, "config");
        }
        Map<String, Object> study = map(root.get("study"));
        Map<String, Object> design = map(root.get("design"));
        Map<String, Object> recruitment = map(root.get("recruitment"));
        List<StudyDefinition.ModelEntry> models = new ArrayList<>();
        for (Object model : (List<Object>) root.getOrDefault("models", List.of())) {
            Map<String, Object> m = map(model);
            models.add(
                    new StudyDefinition.ModelEntry(
                            (String) m.get("id"),
                            (String) m.getOrDefault("label", m.get("id")),
                            (String) m.get("space")));
        }
        StudyDesign studyDesign =
                new StudyDesign(
                        (Integer) design.getOrDefault("trials_per_participant", 12),
                        (List<String>)
                                design.getOrDefault(
                                        "axis_classes", List.of("top", "orthogonal", "bottom")),
                        (String) design.getOrDefault("ordering", "random"),
                        (String) design.getOrDefault("presentation", "strip"),
                        (Integer) design.getOrDefault("catch_trials", 2),
                        (Boolean) design.getOrDefault("practice_trial", true),
                        (Boolean) design.getOrDefault("allow_repeat", false),
                        (Integer) design.getOrDefault("session_timeout_minutes", 60),
                        (Integer)
                                map(design.get("exclusion"))
                                        .getOrDefault("max_failed_catch_trials", 0));
        return new StudyDefinition(
                (String) study.get("slug"),
                (String) study.get("title"),
                (Integer) study.getOrDefault("version", 1),
                (String) study.getOrDefault("description", ""),
                (String) study.getOrDefault("instructions", ""),
                models,
                studyDesign,
                (String) recruitment.get("completion_code"),
                (String) recruitment.get("prolific_completion_url"),
                (String) recruitment.getOrDefault("compensation", ""),
                Secrets.sha256Hex(yamlText));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }
}
