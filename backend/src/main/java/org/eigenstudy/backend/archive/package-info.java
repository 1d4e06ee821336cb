/**
 * Unpacking uploaded archives safely ({@code SafeUnzip} within {@code ArchiveLimits}): shared by
 * the concerns that take uploads (stimulus bundles, generator models). No HTTP, no SQL.
 */
package org.eigenstudy.backend.archive;
