/** HTTP for stimulus bundles: upload (multipart, streamed to disk by the HTTP layer) and list. */
package org.eigenstudy.backend.bundle.rest;
