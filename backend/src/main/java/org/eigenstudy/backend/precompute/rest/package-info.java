/** HTTP for precompute jobs: submit, list, progress, log and cancel. */
package org.eigenstudy.backend.precompute.rest;
