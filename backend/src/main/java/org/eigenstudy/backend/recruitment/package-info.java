/**
 * Recruitment helpers: what a researcher pastes into MTurk (an ExternalQuestion) and Prolific (the
 * study URL with its placeholders, the completion code) to send people to a study, built from the
 * platform's public URL. {@code rest} → {@code service}; the study is read through the study
 * concern's {@code StudyService}, so this concern has no store of its own.
 */
package org.eigenstudy.backend.recruitment;
