/** All SQL of the model concern, through Jdbi: the {@code generator_model} rows. */
package org.eigenstudy.backend.model.store;
