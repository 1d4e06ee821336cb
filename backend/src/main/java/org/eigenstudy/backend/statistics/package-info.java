/**
 * The statistics concern: a study's responses, streamed once from PostgreSQL ({@code store}, the
 * concern's SQL), analysed after catch-trial exclusion into the report ({@link
 * org.eigenstudy.backend.statistics.StudyAnalysis}): the mixed-model headline ({@code headline},
 * fitted by {@code mixed}) and the trial- and participant-level descriptive comparisons ({@code
 * inference}, with a participant-clustered bootstrap). Sub-packages: {@code rest} → {@code service}
 * for HTTP, {@code report} (the JSON records), {@code tables} and {@code plot} (the report as
 * CSV/Markdown/LaTeX and SVG/PNG), {@code planning} and {@code bundle} (sample-size planning, the R
 * reproducibility bundle), {@code bench} (the benchmarks). Depends on study-config (axis classes)
 * and {@code platform}; never on other concerns' stores.
 */
package org.eigenstudy.backend.statistics;
