package org.eigenstudy.studyconfig;

/**
 * One problem found in something a user gave us (a study config, a manifest, an API request): the
 * dotted field path (for example {@code models[0].stimuli.frames}), the rule it broke and a message
 * for a person. Problems in a file also point at the file and the 1-based line and column; a line
 * of 0 means the location is not known (a check made on a value built in code, or on a request
 * body).
 *
 * <p>This is the one problem type of the whole platform: study-config, geometry-core and the
 * backend collect it with {@link Problems}, and the backend's HTTP layer turns it into its JSON
 * body.
 */
public record Problem(
        String file, int line, int column, String field, String rule, String message) {

    /** The rule of every study-config problem whose check has no narrower name. */
    public static final String CONFIG_RULE = "config";

    /** A study-config problem at a location. */
    public Problem(String file, int line, int column, String field, String message) {
        this(file, line, column, field, CONFIG_RULE, message);
    }

    /** A study-config problem without a source location. */
    public static Problem unlocated(String field, String message) {
        return new Problem(null, 0, 0, field, CONFIG_RULE, message);
    }

    /** A problem of a request or value that has no file: which field, which rule, what is wrong. */
    public static Problem of(String field, String rule, String message) {
        return new Problem(null, 0, 0, field, rule, message);
    }

    /** The same problem at another location, keeping field, rule and message. */
    public Problem at(String file, SourceLocation location, String fieldPrefix) {
        String fullField =
                fieldPrefix == null || fieldPrefix.isEmpty() ? field : fieldPrefix + field;
        if (location == null) {
            return new Problem(file, 0, 0, fullField, rule, message);
        }
        return new Problem(file, location.line(), location.column(), fullField, rule, message);
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
