/**
 * Reading a study's stimuli folder from disk: its {@code manifest.json} (through study-config's
 * reader) and its image files. No SQL: what the import stored about frames belongs to the {@code
 * study} concern. May depend on study-config only.
 */
package org.eigenstudy.backend.stimuli.store;
