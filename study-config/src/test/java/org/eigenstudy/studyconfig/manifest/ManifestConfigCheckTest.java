package org.eigenstudy.studyconfig.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eigenstudy.studyconfig.Problem;
import org.eigenstudy.studyconfig.StudyConfig;
import org.eigenstudy.studyconfig.StudyConfigParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestConfigCheckTest {

    private static final String YAML =
            """
            study:
              slug: demo
              title: "Check test"
            models:
              - id: demo
                card: demo.json
                space: z
                stimuli: {distance: 2.5}
            """;

    @TempDir Path dir;

    @Test
    void aManifestGeneratedFromTheConfigWithItsImagesOnDiskHasNoProblem() throws Exception {
        StudyConfig config = config();
        assertEquals(List.of(), ManifestConfigCheck.check(config, onDisk(config), dir));
    }

    @Test
    void anotherConfigChecksumIsAConfigMismatchButAnotherSlugIsNot() throws Exception {
        StudyConfig config = config();
        StimulusManifest good = onDisk(config);
        StimulusManifest other =
                new StimulusManifest(
                        good.schema(), "other", hashOf('f'), good.generatedBy(), good.models());
        List<Problem> problems = ManifestConfigCheck.check(config, other, dir);
        assertEquals(
                List.of("manifest.config_sha256"), problems.stream().map(Problem::field).toList());
        assertTrue(problems.stream().allMatch(p -> p.rule().equals("config-mismatch")));
        // A duplicate under another slug uses the same stimuli.
        StimulusManifest renamed =
                new StimulusManifest(
                        good.schema(),
                        "other",
                        good.configSha256(),
                        good.generatedBy(),
                        good.models());
        assertEquals(List.of(), ManifestConfigCheck.check(config, renamed, dir));
    }

    @Test
    void titleTextsDesignRecruitmentLabelsAndCommentsKeepTheStimuliButModelChangesDoNot()
            throws Exception {
        StimulusManifest manifest = onDisk(config());
        String edited =
                YAML.replace("title: \"Check test\"", "title: \"Renamed\"\n  version: 2")
                                .replace("slug: demo", "slug: demo-copy")
                                .replace(
                                        "space: z", "space: z\n    label: \"Shapes\"  # relabelled")
                        + "design: {trials_per_participant: 3, catch_trials: 0}\n"
                        + "recruitment: {compensation: \"USD 2\"}\n";
        assertEquals(List.of(), ManifestConfigCheck.check(parse(edited), manifest, dir));
        for (String stimuliChange :
                List.of(
                        YAML.replace("distance: 2.5", "distance: 2.0"),
                        YAML.replace("distance: 2.5}", "distance: 2.5, frames: 5}"),
                        YAML.replace("card: demo.json", "card: other.json"),
                        YAML.replace("distance: 2.5}", "distance: 2.5, seed: 7}"))) {
            List<String> fields =
                    ManifestConfigCheck.check(parse(stimuliChange), manifest, dir).stream()
                            .map(Problem::field)
                            .toList();
            assertEquals(List.of("manifest.config_sha256"), fields, stimuliChange);
        }
    }

    @Test
    void aManifestOfAnEarlierReleasePinnedToTheWholeTextStillFitsThatText() throws Exception {
        StudyConfig config = config();
        StimulusManifest good = onDisk(config);
        StimulusManifest legacy =
                new StimulusManifest(
                        good.schema(),
                        good.study(),
                        config.source().sha256(),
                        good.generatedBy(),
                        good.models());
        assertEquals(List.of(), ManifestConfigCheck.check(config, legacy, dir));
        StudyConfig retitled = parse(YAML.replace("Check test", "Renamed"));
        assertEquals(
                List.of("manifest.config_sha256"),
                ManifestConfigCheck.check(retitled, legacy, dir).stream()
                        .map(Problem::field)
                        .toList());
    }

    @Test
    void modelsMustMatchOneToOne() throws Exception {
        StudyConfig config = config();
        StimulusManifest good = onDisk(config);
        ManifestModel renamed = withId(good.models().get(0), "extra");
        StimulusManifest manifest =
                new StimulusManifest(
                        good.schema(),
                        good.study(),
                        good.configSha256(),
                        good.generatedBy(),
                        List.of(renamed));
        assertEquals(
                List.of("missing-model", "unknown-model"),
                ManifestConfigCheck.check(config, manifest, dir).stream()
                        .map(Problem::rule)
                        .toList());
    }

    @Test
    void aChangedImageIsAChecksumProblemAndAMissingOneAMissingFile() throws Exception {
        StudyConfig config = config();
        StimulusManifest manifest = onDisk(config);
        List<ManifestFrame> frames =
                manifest.models().get(0).axes().get(0).strips().get(0).frames();
        Files.writeString(dir.resolve(frames.get(0).path()), "tampered");
        Files.delete(dir.resolve(frames.get(1).path()));
        List<String> rules =
                ManifestConfigCheck.check(config, manifest, dir).stream()
                        .map(Problem::rule)
                        .sorted()
                        .toList();
        assertEquals(List.of("checksum", "missing-file"), rules);
    }

    @Test
    void framePathsMustBeImagesInsideTheFolder() throws Exception {
        StudyConfig config = config();
        StimulusManifest good = onDisk(config);
        ManifestAxis axis = good.models().get(0).axes().get(0);
        ManifestStrip strip = axis.strips().get(0);
        List<ManifestFrame> frames = new ArrayList<>(strip.frames());
        frames.set(0, new ManifestFrame(frames.get(0).step(), "../outside.png", hashOf('0')));
        frames.set(1, new ManifestFrame(frames.get(1).step(), "demo/notes.txt", hashOf('0')));
        StimulusManifest manifest =
                replaceFirstStrip(
                        good, new ManifestStrip(strip.reference(), strip.frameDistances(), frames));
        assertEquals(
                List.of("inside-folder", "format"),
                ManifestConfigCheck.check(config, manifest, dir).stream()
                        .map(Problem::rule)
                        .toList());
    }

    @Test
    void mediaTypeIsPngOrWebpByExtension() {
        assertEquals(Optional.of("image/png"), ManifestConfigCheck.mediaType("a/B.PNG"));
        assertEquals(Optional.of("image/webp"), ManifestConfigCheck.mediaType("a/b.webp"));
        assertEquals(Optional.empty(), ManifestConfigCheck.mediaType("a/b.jpg"));
    }

    private StudyConfig config() throws Exception {
        return parse(YAML);
    }

    private StudyConfig parse(String yaml) throws Exception {
        return StudyConfigParser.parse(yaml, "study.yaml", dir);
    }

    /** The fixture manifest for {@code config}, each frame written to disk with its real hash. */
    private StimulusManifest onDisk(StudyConfig config) throws IOException {
        StimulusManifest fixture = ManifestFixtures.manifest();
        ManifestModel model = fixture.models().get(0);
        List<ManifestAxis> axes = new ArrayList<>();
        for (ManifestAxis axis : model.axes()) {
            List<ManifestStrip> strips = new ArrayList<>();
            for (ManifestStrip strip : axis.strips()) {
                List<ManifestFrame> frames = new ArrayList<>();
                for (ManifestFrame frame : strip.frames()) {
                    Path file = dir.resolve(frame.path());
                    Files.createDirectories(file.getParent());
                    Files.write(file, frame.path().getBytes(StandardCharsets.UTF_8));
                    frames.add(new ManifestFrame(frame.step(), frame.path(), Sha256.of(file)));
                }
                strips.add(new ManifestStrip(strip.reference(), strip.frameDistances(), frames));
            }
            axes.add(withStrips(axis, strips));
        }
        return new StimulusManifest(
                fixture.schema(),
                config.study().slug(),
                StimuliFingerprint.of(config),
                fixture.generatedBy(),
                List.of(withAxes(model, axes)));
    }

    private static StimulusManifest replaceFirstStrip(StimulusManifest m, ManifestStrip strip) {
        ManifestModel model = m.models().get(0);
        List<ManifestAxis> axes = new ArrayList<>(model.axes());
        List<ManifestStrip> strips = new ArrayList<>(axes.get(0).strips());
        strips.set(0, strip);
        axes.set(0, withStrips(axes.get(0), strips));
        return new StimulusManifest(
                m.schema(),
                m.study(),
                m.configSha256(),
                m.generatedBy(),
                List.of(withAxes(model, axes)));
    }

    private static ManifestAxis withStrips(ManifestAxis a, List<ManifestStrip> strips) {
        return new ManifestAxis(
                a.id(), a.axisClass(), a.rank(), a.eigenvalue(), a.alpha(), a.vector(), strips);
    }

    private static ManifestModel withAxes(ManifestModel m, List<ManifestAxis> axes) {
        return new ManifestModel(
                m.id(),
                m.space(),
                m.cardSha256(),
                m.exploration(),
                m.distance(),
                m.steps(),
                m.imageDistance(),
                m.references(),
                axes);
    }

    private static ManifestModel withId(ManifestModel m, String id) {
        return new ManifestModel(
                id,
                m.space(),
                m.cardSha256(),
                m.exploration(),
                m.distance(),
                m.steps(),
                m.imageDistance(),
                m.references(),
                m.axes());
    }

    private static String hashOf(char digit) {
        return String.valueOf(digit).repeat(64);
    }
}
