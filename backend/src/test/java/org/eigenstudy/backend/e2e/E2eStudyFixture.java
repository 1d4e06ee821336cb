package org.eigenstudy.backend.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.eigenstudy.backend.researcher.Researcher;
import org.eigenstudy.backend.researcher.Roles;
import org.eigenstudy.backend.study.Study;
import org.eigenstudy.backend.study.StudyService;
import org.eigenstudy.backend.study.imports.StudyFiles;

/**
 * A small study for the browser tests: stimuli are drawn here (a disc that grows along "top" axes,
 * shifts along "orthogonal" ones and stays put along "bottom" ones), written with a manifest whose
 * checksums and config hash are real, then imported and opened through the backend's own services.
 */
@ApplicationScoped
public class E2eStudyFixture {

    static final int TRIALS = 3;
    static final int REFERENCES = 5;
    static final double[] STEPS = {-2.5, -1.25, 0.0, 1.25, 2.5};
    static final String COMPLETION_CODE = "E2E-DONE-42";
    static final String PROLIFIC_URL =
            "https://app.prolific.com/submissions/complete?cc=" + COMPLETION_CODE;

    private static final Path ROOT = Path.of("target", "e2e-studies");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject StudyFiles files;
    @Inject StudyService studies;

    /** Writes the study's files, imports it and opens it; returns the study id. */
    public long importAndOpen(String slug) {
        try {
            Path dir = Files.createDirectories(ROOT.resolve(slug)).toAbsolutePath();
            Path config = dir.resolve("study.yaml");
            String yaml = yaml(slug);
            Files.writeString(config, yaml, StandardCharsets.UTF_8);
            writeStimuli(dir, slug, sha256(yaml.getBytes(StandardCharsets.UTF_8)));
            Study study =
                    QuarkusTransaction.requiringNew().call(() -> files.importFrom(config, dir));
            studies.open(study.id);
            return study.id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A researcher account with a known password (the first admin's password is random). */
    public void createResearcher(String username, String password) {
        QuarkusTransaction.requiringNew()
                .run(() -> Researcher.create(username, password, Roles.RESEARCHER));
    }

    private static String yaml(String slug) {
        return """
                study:
                  slug: %s
                  title: "Browser test <study> & co"
                  version: 1
                  description: "A study written by the end-to-end tests."
                  instructions: "Look at each row of shapes from left to right."
                models:
                  - id: shapes
                    card: model-card.json
                    space: z
                    label: "Drawn discs"
                    stimuli:
                      references: %d
                      frames: %d
                      distance: 2.5
                design:
                  trials_per_participant: %d
                  axis_classes: [top, orthogonal, bottom]
                  ordering: blocked
                  presentation: strip
                  catch_trials: 0
                  practice_trial: true
                  allow_repeat: false
                  session_timeout_minutes: 60
                  exclusion: {max_failed_catch_trials: 0}
                recruitment:
                  completion_code: "%s"
                  prolific_completion_url: "%s"
                  compensation: "nothing, it is a test"
                """
                .formatted(slug, REFERENCES, STEPS.length, TRIALS, COMPLETION_CODE, PROLIFIC_URL);
    }

    private static void writeStimuli(Path dir, String slug, String configSha) throws IOException {
        List<Object> axes = new ArrayList<>();
        String[] classes = {"top", "orthogonal", "bottom"};
        for (int c = 0; c < classes.length; c++) {
            for (int rank = 1; rank <= 2; rank++) {
                String name = "%s-%02d".formatted(classes[c], rank);
                List<Object> strips = new ArrayList<>();
                for (int ref = 0; ref < REFERENCES; ref++) {
                    List<Object> frames = new ArrayList<>();
                    List<Double> distances = new ArrayList<>();
                    for (int f = 0; f < STEPS.length; f++) {
                        String path = "shapes/%s/r%d-f%d.png".formatted(name, ref, f);
                        byte[] png = drawFrame(c, ref, STEPS[f]);
                        Path file = dir.resolve(path);
                        Files.createDirectories(file.getParent());
                        Files.write(file, png);
                        frames.add(Map.of("step", STEPS[f], "path", path, "sha256", sha256(png)));
                        distances.add(c == 2 ? 0.0 : Math.abs(STEPS[f]) / 10.0);
                    }
                    strips.add(
                            Map.of(
                                    "reference",
                                    ref,
                                    "frame_distances",
                                    distances,
                                    "frames",
                                    frames));
                }
                Map<String, Object> axis = new LinkedHashMap<>();
                axis.put("id", "shapes-z-" + name);
                axis.put("class", classes[c]);
                axis.put("rank", rank);
                // Orthogonal axes have no eigenvalue; boxed so the null is not unboxed by the
                // conditional.
                Double eigenvalue = c == 1 ? null : (Double) (c == 0 ? 2.0 / rank : 1e-4 / rank);
                axis.put("eigenvalue", eigenvalue);
                axis.put("alpha", 1.0);
                axis.put("vector", List.of(1.0, 0.0));
                axis.put("strips", strips);
                axes.add(axis);
            }
        }
        List<Object> references = new ArrayList<>();
        for (int ref = 0; ref < REFERENCES; ref++) {
            references.add(Map.of("index", ref, "code", List.of(0.1 * ref, 0.0)));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", "shapes");
        model.put("space", "z");
        model.put("card_sha256", sha256("no card".getBytes(StandardCharsets.UTF_8)));
        model.put("exploration", "linear");
        model.put("distance", 2.5);
        model.put("steps", STEPS);
        model.put("image_distance", "mse");
        model.put("references", references);
        model.put("axes", axes);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schema", "eigenstudy-manifest/1");
        manifest.put("study", slug);
        manifest.put("config_sha256", configSha);
        manifest.put(
                "generated_by",
                Map.of("tool", "E2eStudyFixture", "version", "1", "details", Map.of()));
        manifest.put("models", List.of(model));
        JSON.writerWithDefaultPrettyPrinter()
                .writeValue(dir.resolve("manifest.json").toFile(), manifest);
    }

    /**
     * A 48 px disc: top axes change its size, orthogonal ones its position, bottom ones nothing.
     */
    private static byte[] drawFrame(int axisClass, int reference, double step) throws IOException {
        BufferedImage image = new BufferedImage(48, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.getHSBColor(reference / 5f, 0.25f, 0.95f));
        g.fillRect(0, 0, 48, 48);
        g.setColor(Color.getHSBColor(reference / 5f, 0.8f, 0.5f));
        int radius = axisClass == 0 ? (int) Math.round(12 + 3 * step) : 12;
        int shift = axisClass == 1 ? (int) Math.round(4 * step) : 0;
        g.fillOval(24 + shift - radius, 24 - radius, 2 * radius, 2 * radius);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
