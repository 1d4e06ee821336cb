package org.eigenstudy.backend.domain;

import org.eigenstudy.backend.domain.DomainException.Kind;
import org.eigenstudy.studyconfig.Problem;
import org.eigenstudy.studyconfig.Problems;

/**
 * Field checks that collect {@link Problems} for one refusal listing all of them. Strings must be
 * storable in PostgreSQL text (no NUL, no unpaired UTF-16 surrogates) and are measured in Unicode
 * code points.
 */
public final class Checks {

    private final Problems problems = new Problems();

    public void fail(String field, String rule, String message) {
        problems.add(field, rule, message);
    }

    public boolean required(String field, Object value) {
        if (value == null) {
            fail(field, "required", field + " is required");
            return false;
        }
        return true;
    }

    public void range(String field, Number value, long min, long max) {
        if (value != null && (value.longValue() < min || value.longValue() > max)) {
            fail(
                    field,
                    "range",
                    field + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    /** Optional text: null passes; otherwise storable and at most {@code maxLength} code points. */
    public void text(String field, String value, int maxLength) {
        if (value == null) {
            return;
        }
        if (!storable(value)) {
            fail(field, "characters", field + " contains a NUL character or broken Unicode");
            return;
        }
        int length = value.codePointCount(0, value.length());
        if (length > maxLength) {
            fail(
                    field,
                    "max-length",
                    field + " must be at most " + maxLength + " characters, got " + length);
        }
    }

    public void requiredText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            fail(field, "required", field + " is required");
            return;
        }
        text(field, value, maxLength);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public void add(Problem problem) {
        problems.add(problem);
    }

    /** Refuses the request as {@link Kind#INVALID}, listing every problem found so far. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new DomainException(Kind.INVALID, problems.list());
        }
    }

    static boolean storable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
