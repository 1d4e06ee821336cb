/**
 * Study versions: the life cycle (draft → open → closed), the import of a config and its stimulus
 * manifest (checked by study-config's {@code ManifestConfigCheck}), the demo study at startup and
 * the lookups other concerns make ({@code StudyService.require}). May use {@code study.store},
 * {@code domain}, {@code crypto} and study-config.
 */
package org.eigenstudy.backend.study.service;
