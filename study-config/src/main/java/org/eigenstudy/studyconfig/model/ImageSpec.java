package org.eigenstudy.studyconfig.model;

/** Rendered frame files: side length in pixels (null = generator resolution) and format. */
public record ImageSpec(Integer size, ImageFormat format) {

    public static final ImageSpec DEFAULT = new ImageSpec(null, ImageFormat.PNG);
}
