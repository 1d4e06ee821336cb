/**
 * The statistics concern's SQL: the forward-only cursor over a study's analysed responses ({@link
 * org.eigenstudy.backend.statistics.store.ResponseRowReader}) and the state (count, last response)
 * that keys the report cache. May depend on JDBC and the statistics row type only; the analysis
 * itself is the service's business.
 */
package org.eigenstudy.backend.statistics.store;
