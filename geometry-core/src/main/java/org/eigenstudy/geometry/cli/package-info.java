/**
 * The command line (java -jar geometry-core-cli.jar <command>): picocli commands, the one engine
 * option set ({@link org.eigenstudy.geometry.cli.EngineOptions}: --device, --threads) that every
 * generator command mixes in, and the one progress bar. Thin: it parses options and calls the
 * library packages; no geometry here. May depend on every package of geometry-core and on study-
 * config; nothing depends on it.
 */
package org.eigenstudy.geometry.cli;
