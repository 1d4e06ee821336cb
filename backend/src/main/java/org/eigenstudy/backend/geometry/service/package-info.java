/**
 * The geometry-files concern's rules: which files of a study's {@code sheets/} may be read (study-
 * config's {@code SheetFiles} names for the study's own models) and what the dashboard gets of
 * them. Transactions are declarative; refusals are {@code DomainException}s. May depend on {@code
 * geometry.store}, the {@code study} concern, {@code domain} and study-config.
 */
package org.eigenstudy.backend.geometry.service;
