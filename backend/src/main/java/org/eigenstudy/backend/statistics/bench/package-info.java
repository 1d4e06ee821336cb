/**
 * Benchmarks run from the README ({@code ./eigenstudy bench statistics}): the 1M-response
 * descriptive analysis and the mixed models on 100,000 responses against lme4 on the same data.
 * Synthetic data only; never part of the server's work.
 */
package org.eigenstudy.backend.statistics.bench;
