/**
 * Assembles a study's reproducibility bundle from its stored responses. May depend on {@code
 * statistics.bundle}, {@code statistics.tidy} and its store, {@code study}; never on HTTP.
 */
package org.eigenstudy.backend.statistics.bundle.service;
