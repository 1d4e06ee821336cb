/** HTTP for generator models: upload (multipart, streamed to disk), list, sample grid. */
package org.eigenstudy.backend.model.rest;
