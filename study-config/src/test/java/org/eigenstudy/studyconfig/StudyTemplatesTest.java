package org.eigenstudy.studyconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eigenstudy.studyconfig.StudyTemplates.Template;
import org.junit.jupiter.api.Test;

class StudyTemplatesTest {

    @Test
    void eachTemplateIsTheModulesStudyFileAndParses() throws Exception {
        for (Template template : StudyTemplates.all()) {
            Path file = Path.of(template.id() + ".yaml");
            assertEquals(Files.readString(file), template.yaml(), template.id());
            StudyConfig config = StudyConfigParser.parse(template.yaml(), file.toString());
            assertEquals(false, config.models().isEmpty(), template.id());
        }
    }
}
