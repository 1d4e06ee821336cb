package org.eigenstudy.backend.statistics.headline;

import org.eigenstudy.studyconfig.model.AxisClass;

/**
 * One axis: what participants said about it, and its random effect in the headline models.
 *
 * @param axisId the stimulus manifest's id of the axis (model, space, class and rank)
 * @param eigenvalue null for orthogonal axes
 * @param seenFraction share of the axis' trials on which a change was seen
 * @param magnitudeTrials trials with a magnitude (seen trials)
 * @param meanMagnitude null without magnitudes
 * @param magnitudeSem standard error of that mean; null with fewer than two magnitudes
 * @param magnitudeEffect the axis' conditional mode in the magnitude model (lme4's {@code
 *     ranef(fit)$axis}): how much more (or less) change people saw on this axis than on the average
 *     axis of its class; null when the model is unavailable or the axis had no magnitude
 * @param seenEffect the same in the seen-change model, on the logit scale
 */
public record AxisRow(
        String modelId,
        String space,
        String axisId,
        AxisClass axisClass,
        int rank,
        Double eigenvalue,
        long trials,
        double seenFraction,
        long magnitudeTrials,
        Double meanMagnitude,
        Double magnitudeSem,
        Double magnitudeEffect,
        Double seenEffect) {}
