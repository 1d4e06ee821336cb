/**
 * All SQL of the researcher concern: accounts ({@code researcher}) and API tokens ({@code
 * api_token}), through Jdbi; records of {@code researcher.service} in and out, no rules. May use
 * {@code platform} and {@code researcher.service} records.
 */
package org.eigenstudy.backend.researcher.store;
