/**
 * Job rules (which study files may be computed, one job per stimuli fingerprint at a time), the
 * worker that runs geometry-core's CLI and its settings ({@code PrecomputeConfig}).
 */
package org.eigenstudy.backend.precompute.service;
