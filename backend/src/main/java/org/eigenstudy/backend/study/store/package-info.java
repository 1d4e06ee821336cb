/**
 * All SQL of the study concern: study versions ({@code StudyStore}) and their imported stimulus
 * structure and trial cells ({@code StudyStimuliStore}), through Jdbi; records of {@code
 * study.service} in and out, no rules. May use {@code platform} and the {@code study} records.
 */
package org.eigenstudy.backend.study.store;
