/**
 * The researcher concern ({@code rest} → {@code service} → {@code store}) and {@link
 * org.eigenstudy.backend.researcher.Roles}, the role names every {@code rest} package's
 * {@code @RolesAllowed} uses.
 */
package org.eigenstudy.backend.researcher;
