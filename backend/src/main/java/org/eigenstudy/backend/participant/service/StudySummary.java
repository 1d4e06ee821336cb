package org.eigenstudy.backend.participant.service;

import org.eigenstudy.backend.texts.ConsentText;
import org.eigenstudy.backend.texts.StudyText;

/**
 * The participant-facing facts of a study version; {@code consent} is the text the consent page
 * shows ({@code texts.ConsentText}). The three study texts are Markdown; {@code html} holds them
 * rendered ({@code texts.StudyText}), which is what the page shows.
 */
public record StudySummary(
        String slug,
        int version,
        String title,
        String description,
        String instructions,
        String consent,
        String debrief,
        String presentation,
        int trials,
        boolean practiceTrial,
        String compensation,
        String state,
        Html html) {

    /** The study's texts rendered for the page. */
    public record Html(String consent, String instructions, String debrief) {}

    public static StudySummary of(StudyFacts study, String state, int trials) {
        return new StudySummary(
                study.slug(),
                study.version(),
                study.title(),
                study.description(),
                study.instructions(),
                ConsentText.of(study.consent()),
                study.debrief(),
                study.design().presentation(),
                trials,
                study.design().practiceTrial(),
                study.compensation(),
                state,
                new Html(
                        StudyText.html(ConsentText.of(study.consent())),
                        StudyText.html(study.instructions()),
                        StudyText.html(study.debrief())));
    }
}
