/**
 * Choosing a study's stimulus axes from an average metric: top and bottom eigenvectors, and random
 * unit vectors orthogonal to the top subspace (float64 Gram–Schmidt). May depend on {@code
 * analysis} and study-config's axis classes.
 */
package org.eigenstudy.geometry.stimuli.axes;
