/** HTTP for direction files: upload (multipart), list, delete. */
package org.eigenstudy.backend.directions.rest;
