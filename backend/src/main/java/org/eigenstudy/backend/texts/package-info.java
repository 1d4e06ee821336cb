/**
 * The texts participants read, defined once for the participant page and the researcher's editor: a
 * study's Markdown rendered safely ({@link StudyText}) and the consent text with the platform's
 * truthful default ({@link ConsentText}).
 */
package org.eigenstudy.backend.texts;
