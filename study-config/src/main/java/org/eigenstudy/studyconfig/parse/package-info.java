/**
 * Parsing a study YAML into {@code studyconfig.model} records: strict SnakeYAML reading with source
 * locations, per-field rules and "did you mean" suggestions, problems collected for one report. May
 * depend on {@code studyconfig.model}, {@code studyconfig.manifest.Sha256} (the config hash), the
 * problem types and SnakeYAML.
 */
package org.eigenstudy.studyconfig.parse;
