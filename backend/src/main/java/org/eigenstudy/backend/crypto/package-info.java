/**
 * Unguessable tokens and human-typable codes ({@link org.eigenstudy.backend.crypto.Secrets}). Their
 * digests are study-config's {@code Sha256}. Depends on the JDK only.
 */
package org.eigenstudy.backend.crypto;
