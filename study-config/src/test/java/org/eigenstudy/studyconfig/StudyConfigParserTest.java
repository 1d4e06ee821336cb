package org.eigenstudy.studyconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eigenstudy.studyconfig.model.AxesSpec;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.eigenstudy.studyconfig.model.Design;
import org.eigenstudy.studyconfig.model.DirectionsSpec;
import org.eigenstudy.studyconfig.model.Exclusion;
import org.eigenstudy.studyconfig.model.Exploration;
import org.eigenstudy.studyconfig.model.HessianMethod;
import org.eigenstudy.studyconfig.model.HessianSpec;
import org.eigenstudy.studyconfig.model.ImageDistance;
import org.eigenstudy.studyconfig.model.ImageFormat;
import org.eigenstudy.studyconfig.model.ImageSpec;
import org.eigenstudy.studyconfig.model.MatchedSteps;
import org.eigenstudy.studyconfig.model.ModelSpec;
import org.eigenstudy.studyconfig.model.Ordering;
import org.eigenstudy.studyconfig.model.Presentation;
import org.eigenstudy.studyconfig.model.Recruitment;
import org.eigenstudy.studyconfig.model.ReferencePrior;
import org.eigenstudy.studyconfig.model.StimulusSpec;
import org.eigenstudy.studyconfig.model.StudyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyConfigParserTest {

    /** Every field set, none to its default. */
    static final String FULL =
            """
            study:
              slug: full-study
              title: "Everything set"
              version: 3
              description: "All fields"
              instructions: "Look closely"
              consent: "Lab X studies perception."
              debrief: "Thanks from lab X."
              retention_days: 90
            models:
              - id: pggan
                card: ../models/pggan/model-card.json
                space: z
                label: "PGGAN faces"
                stimuli:
                  hessian: {points: 40, method: lanczos, distance: lpips, feature_map: ../models/lpips-squeeze/feature-map-card.json, epsilon: 0.0001, equalize: true, resize: 256, codes: inverted/faces.npy}
                  axes: {top: 8, orthogonal: 4, orthogonal_exclude_top: 12, bottom: 6}
                  references: 8
                  reference_prior: {truncation: 0.7}
                  frames: 9
                  exploration: spherical
                  distance: 0.2
                  image: {size: 256, format: webp}
                  seed: 42
              - id: biggan
                card: /abs/biggan/model-card.json
                space: noise
                stimuli:
                  distance: 2.5
            design:
              trials_per_participant: 20
              axis_classes: [bottom, top]
              ordering: blocked
              presentation: animation
              catch_trials: 3
              practice_trial: false
              allow_repeat: true
              session_timeout_minutes: 90
              max_participants: 40
              exclusion: {max_failed_catch_trials: 1}
            recruitment:
              completion_code: C0DE-42
              prolific_completion_url: "https://app.prolific.com/submissions/complete?cc=C0DE42"
              compensation: "2 GBP"
            """;

    @Test
    void readsEveryField() throws StudyConfigException {
        StudyConfig config = StudyConfigParser.parse(FULL, "/data/studies/full.yaml");

        assertEquals(
                new StudyInfo(
                        "full-study",
                        "Everything set",
                        3,
                        "All fields",
                        "Look closely",
                        "Lab X studies perception.",
                        "Thanks from lab X.",
                        90),
                config.study());
        assertEquals(
                new ModelSpec(
                        "pggan",
                        "../models/pggan/model-card.json",
                        "z",
                        "PGGAN faces",
                        new StimulusSpec(
                                new HessianSpec(
                                        40,
                                        HessianMethod.LANCZOS,
                                        ImageDistance.LPIPS,
                                        "../models/lpips-squeeze/feature-map-card.json",
                                        1e-4,
                                        true,
                                        256,
                                        "inverted/faces.npy"),
                                new AxesSpec(8, 4, 12, 6),
                                8,
                                new ReferencePrior(0.7),
                                9,
                                Exploration.SPHERICAL,
                                0.2,
                                new ImageSpec(256, ImageFormat.WEBP),
                                42)),
                config.models().get(0));
        assertEquals(
                new Design(
                        20,
                        List.of(AxisClass.BOTTOM, AxisClass.TOP),
                        Ordering.BLOCKED,
                        Presentation.ANIMATION,
                        3,
                        false,
                        true,
                        90,
                        new Exclusion(1),
                        40),
                config.design());
        assertEquals(
                new Recruitment(
                        "C0DE-42",
                        "https://app.prolific.com/submissions/complete?cc=C0DE42",
                        "2 GBP"),
                config.recruitment());
        assertEquals(23, config.design().totalTrials());
        assertEquals(
                Path.of("/data/models/lpips-squeeze/feature-map-card.json"),
                config.resolveFeatureMap(config.models().get(0)).orElseThrow());
        assertTrue(config.resolveFeatureMap(config.models().get(1)).isEmpty());
        assertEquals("biggan", config.model("biggan").orElseThrow().displayLabel());
        assertEquals("PGGAN faces", config.model("pggan").orElseThrow().displayLabel());
    }

    @Test
    void appliesEveryDefault() throws StudyConfigException {
        StudyConfig config =
                StudyConfigParser.parse(
                        """
                        study: {slug: minimal, title: Minimal}
                        models:
                          - {id: m1, card: card.json, space: z, stimuli: {distance: 1.5}}
                        """,
                        "minimal.yaml");

        // The defaults the brief specifies, written out here rather than taken from the records.
        assertEquals(new StudyInfo("minimal", "Minimal", 1, "", "", "", "", 0), config.study());
        StimulusSpec stimuli = config.models().get(0).stimuli();
        assertNull(config.models().get(0).label());
        assertEquals(
                new HessianSpec(
                        16, HessianMethod.EXACT, ImageDistance.MSE, null, null, false, null, null),
                stimuli.hessian());
        assertEquals(new AxesSpec(10, 10, 15, 10), stimuli.axes());
        assertEquals(5, stimuli.references());
        assertEquals(new ReferencePrior(null), stimuli.referencePrior());
        assertEquals(7, stimuli.frames());
        assertNull(stimuli.exploration());
        assertEquals(1.5, stimuli.distance());
        assertEquals(new ImageSpec(null, ImageFormat.PNG), stimuli.image());
        assertEquals(0, stimuli.seed());
        assertEquals(
                new Design(
                        12,
                        List.of(AxisClass.TOP, AxisClass.ORTHOGONAL, AxisClass.BOTTOM),
                        Ordering.RANDOM,
                        Presentation.STRIP,
                        2,
                        true,
                        false,
                        60,
                        new Exclusion(0),
                        null),
                config.design());
        assertEquals(new Recruitment(null, null, ""), config.recruitment());
    }

    @Test
    void readsDirectionMethodsAndMatchedStepsAndWritesThemBack() throws StudyConfigException {
        String yaml =
                """
                study: {slug: methods, title: Methods}
                models:
                  - id: m1
                    card: card.json
                    space: z
                    stimuli:
                      axes: {top: 3, orthogonal: 0, bottom: 0, ganspace: 3, sefa: 2, random: 4, imported: 1}
                      directions: {sefa_weights: [net.0.weight], ganspace_samples: 500, imported: mine.csv, layers: [2, 5]}
                      distance: 6
                      matched_steps: {image_distance: 0.05}
                design: {axis_classes: [top, ganspace, sefa, random, imported]}
                """;
        StudyConfig config = StudyConfigParser.parse(yaml, "methods.yaml");
        StimulusSpec stimuli = config.models().get(0).stimuli();
        assertEquals(new AxesSpec(3, 0, 15, 0, 3, 2, 4, 1), stimuli.axes());
        assertEquals(
                new DirectionsSpec(
                        List.of("net.0.weight"),
                        500,
                        "mine.csv",
                        new DirectionsSpec.LayerRange(2, 5)),
                stimuli.directions());
        assertEquals(new MatchedSteps(0.05), stimuli.matchedSteps());
        assertEquals(6.0, stimuli.distance());
        assertEquals(
                List.of(
                        AxisClass.TOP,
                        AxisClass.GANSPACE,
                        AxisClass.SEFA,
                        AxisClass.RANDOM,
                        AxisClass.IMPORTED),
                config.design().axisClasses());
        StudyConfig again =
                StudyConfigParser.parse(StudyConfigWriter.toYaml(config), "methods.yaml");
        assertEquals(config.models(), again.models());
        assertEquals(config.design(), again.design());
    }

    @Test
    void aMetricOnlyStudyHasNoMethodsAndFixedSteps() throws StudyConfigException {
        StudyConfig config =
                StudyConfigParser.parse(
                        """
                        study: {slug: minimal, title: Minimal}
                        models:
                          - {id: m1, card: card.json, space: z, stimuli: {distance: 1.5}}
                        """,
                        "minimal.yaml");
        StimulusSpec stimuli = config.models().get(0).stimuli();
        assertEquals(DirectionsSpec.DEFAULT, stimuli.directions());
        assertNull(stimuli.matchedSteps());
        String written = StudyConfigWriter.toYaml(config);
        assertTrue(!written.contains("matched_steps") && !written.contains("directions"), written);
    }

    @Test
    void explicitNullsMeanTheDefaultForNullableFields() throws StudyConfigException {
        StudyConfig config =
                StudyConfigParser.parse(
                        """
                        study: {slug: nulls, title: Nulls}
                        models:
                          - id: m1
                            card: card.json
                            space: z
                            label: null
                            stimuli:
                              distance: 1
                              exploration: null
                              hessian: {epsilon: null, resize: null}
                              reference_prior: {truncation: null}
                              image: {size: null}
                        design: null
                        recruitment: {completion_code: null, prolific_completion_url: null}
                        """,
                        "nulls.yaml");

        assertEquals(Design.DEFAULT, config.design());
        assertEquals(HessianSpec.DEFAULT, config.models().get(0).stimuli().hessian());
        assertEquals(ImageSpec.DEFAULT, config.models().get(0).stimuli().image());
    }

    @Test
    void writtenYamlParsesToTheSameConfig() throws StudyConfigException {
        StudyConfig config = StudyConfigParser.parse(FULL, "full.yaml");

        String written = StudyConfigWriter.toYaml(config);
        StudyConfig again = StudyConfigParser.parse(written, "full.yaml");

        assertEquals(config.study(), again.study());
        assertEquals(config.models(), again.models());
        assertEquals(config.design(), again.design());
        assertEquals(config.recruitment(), again.recruitment());
        assertEquals(written, StudyConfigWriter.toYaml(again));
    }

    @Test
    void collectsAllProblemsInFileOrder() {
        String yaml =
                """
                study:
                  slug: Bad
                  version: 0
                models:
                  - id: m1
                    card: c.json
                    space: z
                    stimuli: {frames: 8, distance: -1}
                design: {ordering: sideways}
                extra: true
                """;

        StudyConfigException error =
                assertThrows(
                        StudyConfigException.class,
                        () -> StudyConfigParser.parse(yaml, "many.yaml"));

        List<String> located =
                error.problems().stream()
                        .map(p -> p.line() + ":" + p.column() + " " + p.field())
                        .toList();
        assertEquals(
                List.of(
                        "2:3 study.title",
                        "2:9 study.slug",
                        "3:12 study.version",
                        "8:23 models[0].stimuli.frames",
                        "8:36 models[0].stimuli.distance",
                        "9:20 design.ordering",
                        "10:1 extra"),
                located);
        assertTrue(error.getMessage().startsWith("invalid study config (7 problems):\n"));
        assertTrue(
                error.getMessage()
                        .contains(
                                "many.yaml:8:23: models[0].stimuli.frames: must be an odd integer"
                                        + " between 3 and 31, got 8"));
    }

    @Test
    void problemTextHasFileLineColumnFieldAndMessage() {
        Problem problem =
                new Problem(
                        "demo.yaml",
                        12,
                        5,
                        "models[0].stimuli.frames",
                        "must be an odd integer between 3 and 31, got 8");
        assertEquals(
                "demo.yaml:12:5: models[0].stimuli.frames: must be an odd integer between 3 and 31,"
                        + " got 8",
                problem.toString());
        assertEquals("axes.top: too many", Problem.unlocated("axes.top", "too many").toString());
    }

    @Test
    void parsesAFileAndResolvesCardsRelativeToIt(@TempDir Path dir) throws Exception {
        Path studies = Files.createDirectories(dir.resolve("studies"));
        Path yaml = studies.resolve("s.yaml");
        Files.writeString(
                yaml,
                """
                study: {slug: s1, title: S}
                models:
                  - {id: m1, card: ../cards/m/model-card.json, space: z, stimuli: {distance: 1}}
                """);

        StudyConfig config = StudyConfigParser.parse(yaml);

        assertEquals(yaml.toString(), config.source().name());
        assertEquals(
                dir.resolve("cards/m/model-card.json").toAbsolutePath(),
                config.resolveCard(config.models().get(0)));
        assertEquals(new SourceLocation(3, 55), config.source().locate("models[0].space"));
        assertEquals(
                new SourceLocation(3, 67),
                config.source().locate("models[0].stimuli.axes.top"),
                "an absent field is located at its closest present ancestor");
    }

    @Test
    void cardsOfTextResolveAgainstTheSourceNamesDirectory() throws StudyConfigException {
        StudyConfig config =
                StudyConfigParser.parse(
                        "study: {slug: s1, title: S}\n"
                                + "models: [{id: m1, card: c.json, space: z, stimuli: {distance: 1}}]\n",
                        "/srv/studies/s.yaml");
        assertEquals(Path.of("/srv/studies/c.json"), config.resolveCard(config.models().get(0)));
    }

    @Test
    void checkFilesExistReportsEachMissingFileAtItsField(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("present.json"), "{}");
        Path yaml = dir.resolve("s.yaml");
        Files.writeString(
                yaml,
                """
                study: {slug: s1, title: S}
                models:
                  - id: aa
                    card: present.json
                    space: z
                    stimuli:
                      distance: 1
                      hessian: {distance: lpips, feature_map: lpips/feature-map-card.json}
                  - id: bb
                    card: missing.json
                    space: z
                    stimuli: {distance: 1}
                  - id: cc
                    card: present.json
                    space: z
                    stimuli:
                      distance: 1
                      axes: {imported: 2}
                      directions: {imported: mine/smile.csv}
                """);
        StudyConfig config = StudyConfigParser.parse(yaml);

        assertEquals(
                List.of(
                        new Problem(
                                yaml.toString(),
                                8,
                                47,
                                "models[0].stimuli.hessian.feature_map",
                                "feature-map card not found: "
                                        + dir.resolve("lpips/feature-map-card.json")),
                        new Problem(
                                yaml.toString(),
                                10,
                                11,
                                "models[1].card",
                                "model card not found: " + dir.resolve("missing.json")),
                        new Problem(
                                yaml.toString(),
                                19,
                                30,
                                "models[2].stimuli.directions.imported",
                                "directions file not found: " + dir.resolve("mine/smile.csv"))),
                config.checkFilesExist());
    }

    @Test
    void aMissingFileIsOneProblem(@TempDir Path dir) {
        Path yaml = dir.resolve("absent.yaml");
        StudyConfigException error =
                assertThrows(StudyConfigException.class, () -> StudyConfigParser.parse(yaml));
        assertEquals(
                List.of(
                        new Problem(
                                yaml.toString(), 0, 0, "(file)", "cannot be read: no such file")),
                error.problems());
    }

    @Test
    void aFileThatIsNotUtf8IsOneProblem(@TempDir Path dir) throws IOException {
        Path yaml = dir.resolve("latin1.yaml");
        Files.write(yaml, "study: {title: caf\u00e9}\n".getBytes(StandardCharsets.ISO_8859_1));
        StudyConfigException error =
                assertThrows(StudyConfigException.class, () -> StudyConfigParser.parse(yaml));
        assertEquals("is not UTF-8 text", error.problems().get(0).message());
    }

    @Test
    void sourceHashIsTheSha256OfTheText() throws StudyConfigException {
        // Published SHA-256 of the empty string would need an empty (invalid) file, so compare two
        // files differing by a comment: the hash must change although the config does not.
        String yaml =
                "study: {slug: s1, title: S}\n"
                        + "models: [{id: m1, card: c.json, space: z, stimuli: {distance: 1}}]\n";
        StudyConfig plain = StudyConfigParser.parse(yaml, "a.yaml");
        StudyConfig commented = StudyConfigParser.parse("# note\n" + yaml, "a.yaml");
        assertEquals(plain.models(), commented.models());
        assertTrue(plain.source().sha256().matches("[0-9a-f]{64}"));
        assertTrue(!plain.source().sha256().equals(commented.source().sha256()));
        assertEquals(
                org.eigenstudy.studyconfig.manifest.Sha256.of(
                        yaml.getBytes(StandardCharsets.UTF_8)),
                plain.source().sha256());
    }
}
