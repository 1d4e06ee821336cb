/**
 * The reproducibility bundle's download endpoint: HTTP only. May depend on {@code bundle.service}.
 */
package org.eigenstudy.backend.statistics.bundle.rest;
