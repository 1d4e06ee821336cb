/** All SQL of the precompute concern, through Jdbi: the {@code stimulus_job} rows. */
package org.eigenstudy.backend.precompute.store;
