/**
 * The reproducibility bundle: one zip with a study's tidy responses (CSV), their codebook, the
 * analysis settings and an R script ({@code analysis.R}) that refits the study's mixed models with
 * lme4 and emmeans and prints the numbers the platform reports, so a reviewer can check them
 * without this code. Pure Java; may depend on {@code statistics.tidy}, {@code statistics} and
 * Jackson.
 */
package org.eigenstudy.backend.statistics.bundle;
