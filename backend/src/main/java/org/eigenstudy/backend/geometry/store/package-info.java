/**
 * Reading the researcher files of a study's stimuli folder ({@code sheets/}) from disk: no SQL, as
 * these files are not imported into the database. Typed by study-config's {@code sheets} contract.
 * May depend on study-config only.
 */
package org.eigenstudy.backend.geometry.store;
