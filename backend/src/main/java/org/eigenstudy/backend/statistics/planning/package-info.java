/**
 * Sample-size planning by simulation: a pilot's fitted mixed model ({@link
 * org.eigenstudy.backend.statistics.planning.PilotModel}) is the truth from which {@link
 * org.eigenstudy.backend.statistics.planning.PowerSimulation} draws new studies of a given number
 * of participants and axes per class, refits each with the analysis' own model and counts how often
 * the top-vs-bottom and top-vs-orthogonal contrasts are significant (Holm over the three class
 * pairs, as in the analysis); {@link org.eigenstudy.backend.statistics.planning.PowerRun} is a
 * finished simulation as the report shows it. There is no simr in Debian, so this is ours; it is
 * what simr's {@code powerCurve} does for an lme4 fit. Pure Java: may depend on {@code
 * statistics.mixed}, {@code statistics.plot} and the JDK; never on HTTP or the database.
 */
package org.eigenstudy.backend.statistics.planning;
