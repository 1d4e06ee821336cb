/**
 * study-config: the typed, validated study definition (YAML ↔ {@link
 * org.eigenstudy.studyconfig.StudyConfig}) and every contract the other modules share — the
 * stimulus manifest, the sheet files and geometry summary, the axis classes and their order,
 * SHA-256, and the {@link org.eigenstudy.studyconfig.Problem} type with its {@link
 * org.eigenstudy.studyconfig.Problems} collector. It is the start of the one-way data flow and
 * depends on no other Eigenstudy module.
 */
package org.eigenstudy.studyconfig;
