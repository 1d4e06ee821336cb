/**
 * What every service shares: {@link org.eigenstudy.backend.domain.DomainException}, the refusal a
 * service throws (with a kind, not an HTTP status), and {@link
 * org.eigenstudy.backend.domain.Checks}, the field checks that collect study-config's {@link
 * org.eigenstudy.studyconfig.Problem}s.
 *
 * <p>May depend on study-config only.
 */
package org.eigenstudy.backend.domain;
