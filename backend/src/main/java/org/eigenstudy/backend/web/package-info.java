/**
 * HTTP plumbing shared by every concern's {@code rest} package: the JSON problem body ({@link
 * org.eigenstudy.backend.web.ApiError}), the one mapping from a {@link
 * org.eigenstudy.backend.domain.DomainException.Kind} (and from framework and database failures) to
 * a status code, request-body limits and strict JSON reading.
 *
 * <p>May depend on {@code domain} and JAX-RS; services never depend on this package.
 */
package org.eigenstudy.backend.web;
