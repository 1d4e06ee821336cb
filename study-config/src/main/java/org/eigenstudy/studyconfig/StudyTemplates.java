package org.eigenstudy.studyconfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The study files a new study can start from: the module's own {@code demo.yaml}, {@code
 * methods-demo.yaml} and {@code paper-replication.yaml}, packaged as resources, so the dashboard
 * offers exactly the files the README and the CLI use.
 */
public final class StudyTemplates {

    /** A template: its id, what it is for, and the YAML text. */
    public record Template(String id, String summary, String yaml) {}

    private StudyTemplates() {}

    public static List<Template> all() {
        return List.of(
                new Template(
                        "demo",
                        "The demo generator (coloured shapes): its stimuli compute on a CPU in"
                                + " about a minute.",
                        read("demo.yaml")),
                new Template(
                        "methods-demo",
                        "Direction methods compared with people: the demo generator's top"
                                + " metric axes beside GANSpace, SeFa and random directions, at"
                                + " matched image change (stimuli in under a minute on a CPU).",
                        read("methods-demo.yaml")),
                new Template(
                        "paper-replication",
                        "The paper's human study: PGGAN, BigGAN-deep and two StyleGAN2 models"
                                + " (needs their exported checkpoints and a GPU).",
                        read("paper-replication.yaml")));
    }

    private static String read(String name) {
        try (InputStream in = StudyTemplates.class.getResourceAsStream("templates/" + name)) {
            if (in == null) {
                throw new IllegalStateException("template " + name + " is not packaged");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
