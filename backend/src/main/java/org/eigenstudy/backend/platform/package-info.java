/**
 * What the backend needs before any concern can run: the entry point and startup banner, the
 * embedded PostgreSQL default (and its recovery after an unclean stop), the database settings, the
 * session-key configuration source, and the {@link org.jdbi.v3.core.Jdbi} every store uses.
 *
 * <p>May depend on Quarkus, Agroal, Jdbi and zonky; no concern package depends on anything here
 * except the {@code Jdbi} it injects.
 */
package org.eigenstudy.backend.platform;
