/**
 * The stimulus-manifest contract: the {@code manifest.json} records geometry-core writes and the
 * backend imports, their deterministic reader/writer and consistency validator, {@code
 * ManifestConfigCheck} (does a manifest and its files belong to a config?) and {@link
 * org.eigenstudy.studyconfig.manifest.Sha256}, the one SHA-256 helper of every module. May depend
 * on the config model ({@code studyconfig.model}), the parsed {@code StudyConfig}, the problem
 * types and Jackson; nothing else.
 */
package org.eigenstudy.studyconfig.manifest;
