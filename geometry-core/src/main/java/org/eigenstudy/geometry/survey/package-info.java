/**
 * A metric survey: Hessians at many random codes and the run folder written from them (arrays,
 * summary.json, plots). May depend on {@code hessian}, {@code analysis}, {@code distance}, {@code
 * io}, {@code plot} and {@code progress}.
 */
package org.eigenstudy.geometry.survey;
