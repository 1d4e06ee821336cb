/**
 * DJL NDArray helpers that matter for correctness of second derivatives: arrays whose memory
 * libtorch owns, so a recorded autograd graph never points at freed Java buffers. Depends on DJL
 * only.
 */
package org.eigenstudy.geometry.ndarray;
