/**
 * The study concern ({@code rest} → {@code service} → {@code store}) and the two study facts other
 * concerns share: {@link org.eigenstudy.backend.study.StudyDesign} (stored as JSON with the study)
 * and {@link org.eigenstudy.backend.study.StudyState}.
 */
package org.eigenstudy.backend.study;
