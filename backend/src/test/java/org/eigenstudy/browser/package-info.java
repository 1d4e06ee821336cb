/**
 * Browser tests of the frontend (frontend/src): Playwright drives Debian's headless Chromium
 * through the participant experiment and the researcher dashboard served by a running backend, and
 * checks every page with axe-core. They live in the backend module because Quarkus starts the
 * server they test; see docs/architecture.md.
 */
package org.eigenstudy.browser;
