/**
 * Memory planning for Hessian computations: how much the process may still use and how many
 * Jacobian rows or Hessian-vector products fit in one chunk. Depends on nothing else of the module.
 */
package org.eigenstudy.geometry.memory;
