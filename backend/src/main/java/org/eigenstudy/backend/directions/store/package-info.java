/** The {@code direction_file} table. */
package org.eigenstudy.backend.directions.store;
