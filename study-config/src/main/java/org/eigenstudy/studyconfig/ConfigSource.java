package org.eigenstudy.studyconfig;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a config came from: the name used in problems, the directory relative paths (model cards)
 * are resolved against, the SHA-256 of the exact text parsed (hex), and the location of every field
 * that was present in the file, keyed by dotted path. Checks made after parsing use the locations
 * so their problems point into the file too.
 */
public record ConfigSource(
        String name, Path baseDirectory, String sha256, Map<String, SourceLocation> locations) {

    public ConfigSource {
        locations = Map.copyOf(locations);
    }

    /** The location of a field, or of its closest present ancestor; null when nothing matches. */
    public SourceLocation locate(String field) {
        return nearest(locations, field);
    }

    /** The location of {@code field} or of its closest ancestor present in {@code locations}. */
    public static SourceLocation nearest(Map<String, SourceLocation> locations, String field) {
        String path = field;
        while (!path.isEmpty()) {
            SourceLocation location = locations.get(path);
            if (location != null) {
                return location;
            }
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            path = cut < 0 ? "" : path.substring(0, cut);
        }
        return locations.get("");
    }
}
