package org.eigenstudy.backend.study.rest;

/**
 * A study to import: the config as text (or a server path), and its stimuli from exactly one of an
 * uploaded bundle (the id {@code POST /api/researcher/bundles} answered), another study whose
 * stimuli fit the config ({@code stimuliOf}: a new version or a duplicate), or a server folder
 * holding them and their manifest.json. Relative server paths start at the server's working
 * directory.
 */
public record ImportRequest(
        String configPath, String configYaml, String stimuliDir, Long bundle, Long stimuliOf) {}
