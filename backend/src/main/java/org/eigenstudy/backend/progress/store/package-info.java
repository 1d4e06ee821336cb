/**
 * The SQL behind a study's progress counts. May depend on Jdbi and {@code progress.service}'s
 * records.
 */
package org.eigenstudy.backend.progress.store;
