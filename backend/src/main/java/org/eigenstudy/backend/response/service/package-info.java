/**
 * Recording answers exactly once: the field rules ({@code ResponseValidator}), idempotent retries
 * by client response id, and the one-statement fast path. Runs without a transaction on purpose
 * (see {@code ResponseService}). May depend on {@code response.store}, {@code
 * participant.service}'s session token and status, and {@code domain}.
 */
package org.eigenstudy.backend.response.service;
