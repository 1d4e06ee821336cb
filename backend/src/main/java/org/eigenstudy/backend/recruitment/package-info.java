/**
 * Recruitment helpers: what a researcher pastes into MTurk (an ExternalQuestion) and Prolific (the
 * study URL with its placeholders, the completion code) to send people to a study, built from the
 * platform's public URL. {@code rest} → {@code service} → {@code store}.
 */
package org.eigenstudy.backend.recruitment;
