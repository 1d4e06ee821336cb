/** The sample-size planning endpoint: HTTP only. May depend on {@code planning.service}. */
package org.eigenstudy.backend.statistics.planning.rest;
