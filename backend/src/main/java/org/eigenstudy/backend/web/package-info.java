/**
 * HTTP plumbing shared by every {@code rest} package: {@code ApiExceptionMappers} (the one place a
 * {@code DomainException.Kind} becomes a status and a problem becomes JSON), strict JSON reading,
 * the body size limit, and conditional GETs by SHA-256 ({@code EntityTags}). May depend on {@code
 * domain} and study-config's problem types; no concern depends on it except through {@code rest}.
 */
package org.eigenstudy.backend.web;
