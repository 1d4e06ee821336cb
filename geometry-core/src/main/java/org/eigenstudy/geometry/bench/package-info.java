/**
 * The {@code bench} command's measurements: Hessian methods timed against the n-forward floor and
 * each other on the same codes, with their accuracy against the exact result, and the report it
 * prints. May depend on {@code hessian}, {@code model}, {@code distance} and {@code analysis}.
 */
package org.eigenstudy.geometry.bench;
