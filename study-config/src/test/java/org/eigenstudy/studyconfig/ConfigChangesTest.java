package org.eigenstudy.studyconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.eigenstudy.studyconfig.ConfigChanges.Change;
import org.eigenstudy.studyconfig.manifest.StimuliFingerprint;
import org.junit.jupiter.api.Test;

class ConfigChangesTest {

    private static final String YAML =
            """
            study:
              slug: demo
              title: "Changes"
            models:
              - id: demo
                card: demo.json
                space: z
                stimuli: {distance: 2.5}
            """;

    @Test
    void textsDesignAndLabelsNeedNoNewStimuliModelFieldsDo() throws Exception {
        String edited =
                YAML.replace("Changes", "Changed")
                                .replace("space: z", "space: z\n    label: Shapes")
                                .replace("distance: 2.5}", "distance: 2.0, frames: 5}")
                                .replace("slug: demo", "slug: demo-copy")
                        + "design: {catch_trials: 1, axis_classes: [top, bottom]}\n";
        List<Change> changes = ConfigChanges.between(parse(YAML), parse(edited));
        assertEquals(
                List.of(
                        new Change("study.slug", false),
                        new Change("study.title", false),
                        new Change("models[0].label", false),
                        new Change("models[0].stimuli.frames", true),
                        new Change("models[0].stimuli.distance", true),
                        new Change("design.axis_classes", false),
                        new Change("design.catch_trials", false)),
                changes);
    }

    @Test
    void spellingOutADefaultOrAddingACommentIsNoChangeAndKeepsTheFingerprint() throws Exception {
        String same = "# a comment\n" + YAML.replace("distance: 2.5}", "distance: 2.5, frames: 7}");
        assertEquals(List.of(), ConfigChanges.between(parse(YAML), parse(same)));
        assertEquals(StimuliFingerprint.of(parse(YAML)), StimuliFingerprint.of(parse(same)));
    }

    @Test
    void anAddedModelIsAStimuliChangeOfEachOfItsFields() throws Exception {
        String two =
                YAML
                        + "  - id: second\n    card: second.json\n    space: z\n"
                        + "    stimuli: {distance: 1.0}\n";
        List<Change> changes = ConfigChanges.between(parse(YAML), parse(two));
        assertEquals(true, changes.stream().allMatch(Change::needsNewStimuli));
        assertEquals("models[1].id", changes.get(0).field());
    }

    private static StudyConfig parse(String yaml) throws StudyConfigException {
        return StudyConfigParser.parse(yaml, "study.yaml", java.nio.file.Path.of("."));
    }
}
