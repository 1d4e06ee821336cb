/**
 * Statistics of metric tensors as the paper defines them: eigen-decomposition, spectra by rank,
 * anisotropy, homogeneity (metric consistency), the global average metric and the isotropy
 * illusion. Pure float64 linear algebra on EJML; no DJL, no I/O.
 */
package org.eigenstudy.geometry.analysis;
