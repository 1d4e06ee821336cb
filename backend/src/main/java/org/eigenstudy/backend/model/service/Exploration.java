package org.eigenstudy.backend.model.service;

import java.util.List;

/**
 * The axis explorer's answer: a method's candidate directions in one space, each walked from one
 * reference code. {@code steps} are the latent steps of every strip's frames (0 in the middle).
 *
 * @param key names this result (card, request and CLI); frame URLs contain it
 * @param layers the W+ layers [start, end) the directions moved, null for every layer
 * @param scores the method's own strength per direction (an eigenvalue, a variance, σ²; null for
 *     random)
 */
public record Exploration(
        String key,
        String space,
        String method,
        List<Integer> layers,
        List<Double> steps,
        List<Direction> directions) {

    /**
     * One candidate: its label, score, frame URLs in step order and each frame's pixel MSE to the
     * reference image.
     */
    public record Direction(
            int rank, String label, Double score, List<String> frames, List<Double> distances) {}
}
