/**
 * The stimuli concern's rules: only frames the import stored are served, and the structure comes
 * from a manifest whose SHA-256 still matches the one pinned at import. Transactions are
 * declarative; refusals are {@code DomainException}s. May depend on {@code stimuli.store}, the
 * {@code study} concern, {@code domain} and study-config.
 */
package org.eigenstudy.backend.stimuli.service;
