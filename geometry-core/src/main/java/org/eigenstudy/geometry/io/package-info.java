/**
 * File formats: .npy arrays, JSON with NaN as null, and the check of a model file against its card
 * (SHA-256 itself is study-config's {@code Sha256}). Depends on Jackson and study-config only.
 */
package org.eigenstudy.geometry.io;
