/**
 * Linear and logistic mixed-effects models with crossed random effects for participants and axes,
 * fitted as lme4 fits them (Bates, Mächler, Bolker &amp; Walker 2015, J. Stat. Softw. 67(1)).
 *
 * <p>The study's ratings come from participants who each judge a sample of axes; both are samples,
 * so inference about axis classes has to treat both as random. {@link
 * org.eigenstudy.backend.statistics.mixed.MixedDesign} builds the model (treatment-coded fixed
 * effects for axis class and model; random intercepts for participant and for axis nested in model;
 * optional by-participant random slopes for class), {@link
 * org.eigenstudy.backend.statistics.mixed.LinearMixedModel} fits it by REML or ML through the
 * profiled deviance, {@link org.eigenstudy.backend.statistics.mixed.LogisticMixedModel} fits the
 * binary "change seen" by the Laplace approximation, and {@link
 * org.eigenstudy.backend.statistics.mixed.ClassInference} turns a fit into estimated marginal means
 * and Holm-adjusted pairwise class contrasts (Satterthwaite df for the linear model, as lmerTest
 * and emmeans compute them). Everything is validated against R in {@code
 * src/test/resources/statistics/mixed/mixed-references.R}; R is never needed at run time.
 */
package org.eigenstudy.backend.statistics.mixed;
