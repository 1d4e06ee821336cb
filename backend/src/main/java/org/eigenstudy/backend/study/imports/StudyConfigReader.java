package org.eigenstudy.backend.study.imports;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.domain.DomainException.Kind;
import org.eigenstudy.backend.study.StudyDesign;
import org.eigenstudy.studyconfig.StudyConfig;
import org.eigenstudy.studyconfig.StudyConfigException;
import org.eigenstudy.studyconfig.StudyConfigParser;
import org.eigenstudy.studyconfig.model.ConfigEnum;
import org.eigenstudy.studyconfig.model.Design;

/** Parses a study config with the study-config module and keeps what the platform needs. */
@ApplicationScoped
public class StudyConfigReader {

    public StudyDefinition read(String yamlText, String sourceName, Path baseDirectory) {
        StudyConfig config;
        try {
            config = StudyConfigParser.parse(yamlText, sourceName, baseDirectory);
        } catch (StudyConfigException e) {
            throw new DomainException(Kind.INVALID, e.problems());
        }
        return toDefinition(config);
    }

    private static StudyDefinition toDefinition(StudyConfig config) {
        Design design = config.design();
        StudyDesign studyDesign =
                new StudyDesign(
                        design.trialsPerParticipant(),
                        design.axisClasses().stream().map(ConfigEnum::yamlName).toList(),
                        design.ordering().yamlName(),
                        design.presentation().yamlName(),
                        design.catchTrials(),
                        design.practiceTrial(),
                        design.allowRepeat(),
                        design.sessionTimeoutMinutes(),
                        design.exclusion().maxFailedCatchTrials());
        List<StudyDefinition.ModelEntry> models =
                config.models().stream()
                        .map(
                                m ->
                                        new StudyDefinition.ModelEntry(
                                                m.id(), m.displayLabel(), m.space()))
                        .toList();
        return new StudyDefinition(
                config.study().slug(),
                config.study().title(),
                config.study().version(),
                nullToEmpty(config.study().description()),
                nullToEmpty(config.study().instructions()),
                models,
                studyDesign,
                config.recruitment().completionCode(),
                config.recruitment().prolificCompletionUrl(),
                nullToEmpty(config.recruitment().compensation()),
                config.source().sha256());
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
