/**
 * All SQL of the bundle concern, through Jdbi: the {@code stimulus_bundle} rows. The bundle folders
 * themselves are files the service manages.
 */
package org.eigenstudy.backend.bundle.store;
