package org.eigenstudy.backend.study.rest;

/**
 * A study to import: the config as a server path or as text, and the server folder holding the
 * stimuli and their manifest.json. Relative paths start at the server's working directory.
 */
public record ImportRequest(String configPath, String configYaml, String stimuliDir) {}
