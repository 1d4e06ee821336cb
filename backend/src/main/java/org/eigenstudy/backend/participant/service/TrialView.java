package org.eigenstudy.backend.participant.service;

import java.util.List;

/**
 * One trial as a participant sees it: the strips of frames, without the axis class, rank or whether
 * it is a catch trial (participants must not be able to tell).
 */
public record TrialView(int index, boolean answered, List<StripView> strips) {

    /** The frames of one reference image along the axis. */
    public record StripView(int reference, List<FrameView> frames) {}

    /** One image of a strip. */
    public record FrameView(double step, String url) {}
}
