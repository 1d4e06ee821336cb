package org.eigenstudy.backend.study.service;

import java.util.List;
import org.eigenstudy.backend.texts.ConsentText;
import org.eigenstudy.backend.texts.StudyText;
import org.eigenstudy.studyconfig.ConfigChanges.Change;
import org.eigenstudy.studyconfig.Problem;
import org.eigenstudy.studyconfig.model.StudyInfo;

/**
 * What the study editor shows while a researcher types: the parser's problems (each at its line and
 * column), and for a valid config its identity, whether its version is taken, which fields differ
 * from the study it was edited from and whether those need new stimuli, and the uploaded bundles
 * whose stimuli fit it as it is.
 *
 * @param problems empty when the config is valid
 * @param baseStudy the study compared against, or null
 * @param changes the fields that differ from {@code baseStudy}; empty without one
 * @param needsNewStimuli whether {@code baseStudy}'s stimuli no longer fit
 * @param fittingBundles ids of uploaded bundles made for this config's models
 * @param texts what participants will read, rendered as the participant page renders it (the
 *     platform's consent when the study has none of its own); null when the config is invalid
 */
public record ConfigCheck(
        boolean valid,
        List<ConfigProblem> problems,
        String slug,
        Integer version,
        String title,
        boolean versionTaken,
        String stimuliFingerprint,
        Long baseStudy,
        List<Change> changes,
        boolean needsNewStimuli,
        List<Long> fittingBundles,
        Texts texts) {

    /** The participant texts as HTML. */
    public record Texts(String consent, String instructions, String debrief) {
        static Texts of(StudyInfo study) {
            return new Texts(
                    StudyText.html(ConsentText.of(study.consent())),
                    StudyText.html(study.instructions()),
                    StudyText.html(study.debrief()));
        }
    }

    /** A parser problem: where it is (1-based; 0 when unknown) and the CLI's message text. */
    public record ConfigProblem(int line, int column, String field, String rule, String error) {
        static ConfigProblem of(Problem problem) {
            return new ConfigProblem(
                    problem.line(),
                    problem.column(),
                    problem.field(),
                    problem.rule(),
                    problem.toString());
        }
    }

    static ConfigCheck invalid(List<Problem> problems) {
        return new ConfigCheck(
                false,
                problems.stream().map(ConfigProblem::of).toList(),
                null,
                null,
                null,
                false,
                null,
                null,
                List.of(),
                false,
                List.of(),
                null);
    }
}
