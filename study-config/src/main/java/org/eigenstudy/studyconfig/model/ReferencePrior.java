package org.eigenstudy.studyconfig.model;

/**
 * How reference codes are drawn: from the space's prior in its model card, truncated at {@code
 * truncation} standard deviations when not null.
 */
public record ReferencePrior(Double truncation) {

    public static final ReferencePrior DEFAULT = new ReferencePrior(null);
}
