/**
 * How far a study has come: sessions by status, responses, and the fill of each condition cell.
 *
 * <p>May depend on {@code progress.store}, the study service and {@code domain}.
 */
package org.eigenstudy.backend.progress.service;
