/**
 * Where a strip's frames lie in latent space: linear or spherical paths from a reference code along
 * a unit axis. Pure arithmetic; depends on nothing else of the module.
 */
package org.eigenstudy.geometry.stimuli.frames;
