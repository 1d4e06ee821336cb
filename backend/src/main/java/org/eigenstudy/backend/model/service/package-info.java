/**
 * Upload rules for generator models: safe unpacking, the CLI check, the folders under {@code
 * ModelConfig#folder}.
 */
package org.eigenstudy.backend.model.service;
