/**
 * The rules of sample-size planning: which requests are accepted (bounds on the grid and on the
 * work one request may ask for), which responses make the pilot, running the simulation and keeping
 * its result for the report. May depend on {@code statistics.planning} and its store, {@code
 * statistics.tidy} and its store, {@code study} and {@code domain}; never on HTTP.
 */
package org.eigenstudy.backend.statistics.planning.service;
