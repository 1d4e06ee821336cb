/**
 * Random secrets (tokens, completion codes, passwords) and their stored hashes.
 *
 * <p>May depend on the JDK and study-config's SHA-256 helper only.
 */
package org.eigenstudy.backend.crypto;
