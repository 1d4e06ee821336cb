/**
 * A study config's stimuli end to end: validate the specs, compute or combine the average Hessians,
 * pick axes, render strips, write the manifest and the sheets (contracts: study-config's {@code
 * manifest} and {@code sheets}). Sub-packages hold the steps. May depend on {@code hessian}, {@code
 * distance}, {@code model}, {@code analysis}, {@code io} and study-config, never on {@code cli}.
 */
package org.eigenstudy.geometry.stimuli;
