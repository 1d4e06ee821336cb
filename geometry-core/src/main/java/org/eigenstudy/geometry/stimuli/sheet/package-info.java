/**
 * The per-model researcher files in a stimuli folder's {@code sheets/}: the contact sheet and the
 * geometry plots and summary, named and typed by study-config's {@code sheets} contract. May depend
 * on {@code analysis}, {@code plot}, {@code stimuli.work} and study-config.
 */
package org.eigenstudy.geometry.stimuli.sheet;
