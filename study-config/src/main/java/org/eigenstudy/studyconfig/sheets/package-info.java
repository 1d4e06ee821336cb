/**
 * The contract of a stimuli folder's {@code sheets/}: the per-model file names ({@link
 * org.eigenstudy.studyconfig.sheets.SheetFiles}) and the geometry summary record with its JSON
 * reader and writer. geometry-core writes these files, the backend reads them. Depends on Jackson
 * only; no rendering, no I/O beyond reading and writing one summary file.
 */
package org.eigenstudy.studyconfig.sheets;
