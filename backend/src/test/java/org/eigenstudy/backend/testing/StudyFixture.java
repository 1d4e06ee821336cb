package org.eigenstudy.backend.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.eigenstudy.studyconfig.StudyConfigException;
import org.eigenstudy.studyconfig.StudyConfigParser;
import org.eigenstudy.studyconfig.manifest.GeneratedBy;
import org.eigenstudy.studyconfig.manifest.ManifestAxis;
import org.eigenstudy.studyconfig.manifest.ManifestFrame;
import org.eigenstudy.studyconfig.manifest.ManifestModel;
import org.eigenstudy.studyconfig.manifest.ManifestReference;
import org.eigenstudy.studyconfig.manifest.ManifestStrip;
import org.eigenstudy.studyconfig.manifest.Sha256;
import org.eigenstudy.studyconfig.manifest.StimuliFingerprint;
import org.eigenstudy.studyconfig.manifest.StimulusManifest;
import org.eigenstudy.studyconfig.manifest.StimulusManifests;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.eigenstudy.studyconfig.model.Exploration;
import org.eigenstudy.studyconfig.model.ImageDistance;
import org.eigenstudy.studyconfig.model.ImageFormat;

/**
 * Writes a small but complete study on disk: a study config YAML, a model card, PNG strips drawn
 * with Java2D and a stimulus manifest whose checksums match the files.
 */
public final class StudyFixture {

    public static final double[] STEPS = {-1.0, 0.0, 1.0};
    public static final int REFERENCES = 5;

    public final Path dir;
    public final Path config;
    public final Path stimuli;
    public final String slug;
    public final int axesPerClass;

    /** The conditions the study shows: the metric's three classes unless made with others. */
    public final List<AxisClass> classes;

    private StudyFixture(Path dir, String slug, int axesPerClass, List<AxisClass> classes) {
        this.dir = dir;
        this.config = dir.resolve("study.yaml");
        this.stimuli = dir.resolve("stimuli");
        this.slug = slug;
        this.axesPerClass = axesPerClass;
        this.classes = List.copyOf(classes);
    }

    /** Design options of the generated config. */
    public record Design(
            int trialsPerParticipant,
            int catchTrials,
            boolean allowRepeat,
            int timeoutMinutes,
            String completionCode,
            String prolificUrl) {

        public static Design standard() {
            return new Design(6, 1, false, 60, "CODE-1234", null);
        }

        public Design allowingRepeats() {
            return new Design(
                    trialsPerParticipant,
                    catchTrials,
                    true,
                    timeoutMinutes,
                    completionCode,
                    prolificUrl);
        }

        public Design withProlificUrl(String url) {
            return new Design(
                    trialsPerParticipant,
                    catchTrials,
                    allowRepeat,
                    timeoutMinutes,
                    completionCode,
                    url);
        }
    }

    public static StudyFixture create(String slug, int axesPerClass, Design design) {
        return create(slug, axesPerClass, design, 1);
    }

    /** A fixture of study version {@code version} (a slug's versions are imported one by one). */
    public static StudyFixture create(String slug, int axesPerClass, Design design, int version) {
        return create(
                slug,
                axesPerClass,
                design,
                version,
                List.of(AxisClass.TOP, AxisClass.ORTHOGONAL, AxisClass.BOTTOM));
    }

    /** A study whose conditions are {@code classes} (direction methods among them). */
    public static StudyFixture withClasses(
            String slug, int axesPerClass, Design design, List<AxisClass> classes) {
        return create(slug, axesPerClass, design, 1, classes);
    }

    private static StudyFixture create(
            String slug, int axesPerClass, Design design, int version, List<AxisClass> classes) {
        try {
            StudyFixture fixture =
                    new StudyFixture(
                            Files.createTempDirectory("study-" + slug),
                            slug,
                            axesPerClass,
                            classes);
            fixture.write(design, version);
            return fixture;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String yaml() {
        try {
            return Files.readString(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Design design, int version) throws IOException {
        Files.writeString(dir.resolve("card.json"), "{}");
        String yaml =
                String.format(
                        Locale.ROOT,
                        """
                        study:
                          slug: %s
                          title: "Fixture %s"
                          version: %d
                          description: "Rows of generated pictures that change step by step."
                          instructions: "Look at the strips."
                          consent: "The fixture lab runs this study.\\n\\nNothing but your answers is kept."
                          debrief: "The strips moved along eigen-axes of a generator."
                        models:
                          - id: m1
                            card: card.json
                            space: z
                            label: "Fixture model"
                            stimuli:
                              axes: {%s, orthogonal_exclude_top: %d}
                              references: %d
                              frames: 3
                              distance: 1.0
                        %s
                        design:
                          axis_classes: [%s]
                          trials_per_participant: %d
                          catch_trials: %d
                          allow_repeat: %s
                          session_timeout_minutes: %d
                        recruitment:
                          completion_code: %s
                          prolific_completion_url: %s
                          compensation: "USD 1.50 for about 10 minutes"
                        """,
                        slug,
                        slug,
                        version,
                        axesCounts(),
                        axesPerClass,
                        REFERENCES,
                        // The vectors themselves are not read here: the manifest holds them.
                        classes.contains(AxisClass.IMPORTED)
                                ? "      directions: {imported: directions.csv}"
                                : "",
                        classes.stream()
                                .map(AxisClass::yamlName)
                                .collect(java.util.stream.Collectors.joining(", ")),
                        design.trialsPerParticipant(),
                        design.catchTrials(),
                        design.allowRepeat(),
                        design.timeoutMinutes(),
                        design.completionCode() == null ? "null" : design.completionCode(),
                        design.prolificUrl() == null ? "null" : "\"" + design.prolificUrl() + "\"");
        Files.writeString(config, yaml);
        try {
            writeManifest(StimuliFingerprint.of(StudyConfigParser.parse(config)));
        } catch (StudyConfigException e) {
            throw new IllegalStateException("the fixture config is valid", e);
        }
    }

    /** {@code top: n, orthogonal: 0, ...}: every class shown gets {@code axesPerClass} axes. */
    private String axesCounts() {
        List<String> counts = new ArrayList<>();
        for (AxisClass c : AxisClass.values()) {
            counts.add(c.yamlName() + ": " + (classes.contains(c) ? axesPerClass : 0));
        }
        return String.join(", ", counts);
    }

    private void writeManifest(String configSha) throws IOException {
        List<ManifestAxis> axes = new ArrayList<>();
        int colour = 0;
        for (int c = 0; c < classes.size(); c++) {
            AxisClass axisClass = classes.get(c);
            for (int rank = 1; rank <= axesPerClass; rank++) {
                List<ManifestStrip> strips = new ArrayList<>();
                for (int r = 0; r < REFERENCES; r++) {
                    List<ManifestFrame> frames = new ArrayList<>();
                    List<Double> distances = new ArrayList<>();
                    for (int f = 0; f < STEPS.length; f++) {
                        String path =
                                ManifestFrame.pathFor("m1", axisClass, rank, r, f, ImageFormat.PNG);
                        Path file = stimuli.resolve(path);
                        Files.createDirectories(file.getParent());
                        png(file, colour++);
                        distances.add(Math.abs(STEPS[f]));
                        frames.add(new ManifestFrame(STEPS[f], path, Sha256.of(file)));
                    }
                    strips.add(new ManifestStrip(r, distances, frames));
                }
                double eigenvalue = Math.pow(10, -3 * c) / rank;
                boolean metric = axisClass.method().equals("hessian");
                axes.add(
                        new ManifestAxis(
                                ManifestAxis.idFor("m1", "z", axisClass, rank),
                                axisClass,
                                rank,
                                axisClass == AxisClass.IMPORTED ? "direction " + rank : null,
                                metric ? eigenvalue : null,
                                eigenvalue,
                                List.of(1.0, 0.0),
                                strips));
            }
        }
        List<ManifestReference> references = new ArrayList<>();
        for (int r = 0; r < REFERENCES; r++) {
            references.add(new ManifestReference(r, List.of(0.1 * r, 0.2)));
        }
        List<Double> steps = new ArrayList<>();
        for (double step : STEPS) {
            steps.add(step);
        }
        ManifestModel model =
                new ManifestModel(
                        "m1",
                        "z",
                        Sha256.of("{}"),
                        Exploration.LINEAR,
                        1.0,
                        steps,
                        ImageDistance.MSE,
                        references,
                        axes);
        StimulusManifests.write(
                new StimulusManifest(
                        StimulusManifest.SCHEMA,
                        slug,
                        configSha,
                        new GeneratedBy("StudyFixture", "1", Map.of()),
                        List.of(model)),
                stimuli.resolve(StimulusManifests.FILE_NAME));
    }

    private static void png(Path file, int index) throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color((int) ((index * 2654435761L) & 0xFFFFFF)));
        g.fillRect(0, 0, 4, 4);
        g.setColor(new Color(index & 0xFF, (index >> 8) & 0xFF, 7));
        g.fillRect(0, 0, 1, 1);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    /** Replaces one image's bytes so its checksum no longer matches the manifest. */
    public void corrupt(String relativePath) throws IOException {
        Files.write(stimuli.resolve(relativePath), "not a png".getBytes(StandardCharsets.UTF_8));
    }
}
