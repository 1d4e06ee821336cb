package org.eigenstudy.studyconfig;

/**
 * One problem found in a study config, pointing at the file, 1-based line and column, and the
 * dotted field path (for example {@code models[0].stimuli.frames}). A line of 0 means the location
 * is not known (for example for checks made on a config built in code).
 */
public record ConfigProblem(String file, int line, int column, String field, String message) {

    /** A problem without a source location. */
    public static ConfigProblem unlocated(String field, String message) {
        return new ConfigProblem(null, 0, 0, field, message);
    }

    /** The same problem at another location, keeping field and message. */
    public ConfigProblem at(String file, SourceLocation location, String fieldPrefix) {
        String fullField =
                fieldPrefix == null || fieldPrefix.isEmpty() ? field : fieldPrefix + field;
        if (location == null) {
            return new ConfigProblem(file, 0, 0, fullField, message);
        }
        return new ConfigProblem(file, location.line(), location.column(), fullField, message);
    }

    /** {@code demo.yaml:12:5: models[0].stimuli.frames: must be ..., got 8}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(file);
            if (line > 0) {
                text.append(':').append(line).append(':').append(column);
            }
            text.append(": ");
        }
        return text.append(field).append(": ").append(message).toString();
    }
}
