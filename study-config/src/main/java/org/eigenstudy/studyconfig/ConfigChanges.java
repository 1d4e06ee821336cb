package org.eigenstudy.studyconfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The fields in which two configs differ, defaults applied (so writing out a default is no change),
 * each marked by whether it needs new stimuli: exactly the fields of {@link
 * StudyConfigWriter#stimuliYaml}, which the manifest's fingerprint hashes.
 */
public final class ConfigChanges {

    /** One changed field, as a dotted path such as {@code models[0].stimuli.frames}. */
    public record Change(String field, boolean needsNewStimuli) {}

    private ConfigChanges() {}

    /** The changed fields from {@code before} to {@code after}, in the documented key order. */
    public static List<Change> between(StudyConfig before, StudyConfig after) {
        Map<String, Object> old = flatten(StudyConfigWriter.toMap(before));
        Map<String, Object> now = flatten(StudyConfigWriter.toMap(after));
        Set<String> stimuli = new LinkedHashSet<>();
        stimuli.addAll(flatten(StudyConfigWriter.stimuliMap(before)).keySet());
        stimuli.addAll(flatten(StudyConfigWriter.stimuliMap(after)).keySet());
        Set<String> fields = new LinkedHashSet<>(old.keySet());
        fields.addAll(now.keySet());
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            if (!Objects.equals(old.get(field), now.get(field))) {
                changes.add(new Change(field, stimuli.contains(field)));
            }
        }
        return changes;
    }

    private static Map<String, Object> flatten(Map<String, Object> root) {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten("", root, out);
        return out;
    }

    private static void flatten(String path, Object value, Map<String, Object> out) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key =
                        path.isEmpty() ? entry.getKey().toString() : path + "." + entry.getKey();
                flatten(key, entry.getValue(), out);
            }
        } else if (value instanceof List<?> list && list.stream().anyMatch(v -> v instanceof Map)) {
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "[" + i + "]", list.get(i), out);
            }
        } else {
            // Scalars and lists of scalars (axis_classes) compare as one field.
            out.put(path, value);
        }
    }
}
