/**
 * Metric tensors of an image metric: {@link org.eigenstudy.geometry.hessian.FullHessian} computers
 * of the full matrix (exact double back-propagation, serial, finite-difference Jacobian), the
 * Lanczos eigensolver on Hessian-vector products, and the settings that pick one. May depend on
 * {@code distance}, {@code model}, {@code analysis}, {@code ndarray}, {@code memory} and {@code
 * progress}.
 */
package org.eigenstudy.geometry.hessian;
