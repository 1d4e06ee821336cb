package org.eigenstudy.backend.geometry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eigenstudy.backend.study.Study;
import org.eigenstudy.backend.study.StudyModel;

/**
 * The per-model files geometry-core writes into a stimuli folder's {@code sheets/}: the contact
 * sheet {@code <model>.png}, {@code <model>-spectrum.png}, {@code <model>-homogeneity.png} and
 * {@code <model>-geometry.json}. They are not in the manifest, so the import does not verify them;
 * only these names, for the study's own models, are ever read.
 */
@ApplicationScoped
public class SheetFiles {
    static final String FOLDER = "sheets";
    static final List<String> PNG_SUFFIXES = List.of(".png", "-spectrum.png", "-homogeneity.png");
    static final String SUMMARY_SUFFIX = "-geometry.json";

    @Inject ObjectMapper mapper;

    /** Every model of the study with the URLs of the files present. */
    public List<ModelGeometryView> views(Study study) {
        String base = "/api/researcher/studies/" + study.id + "/geometry/sheets/";
        return StudyModel.forStudy(study.id).stream()
                .map(
                        m ->
                                new ModelGeometryView(
                                        m.modelKey,
                                        m.label,
                                        url(study, base, m.modelKey + PNG_SUFFIXES.get(0)),
                                        url(study, base, m.modelKey + PNG_SUFFIXES.get(1)),
                                        url(study, base, m.modelKey + PNG_SUFFIXES.get(2)),
                                        summary(study, m.modelKey)))
                .toList();
    }

    /** The PNG named {@code name} if it is one of the study's sheet files and exists. */
    public Optional<Path> png(Study study, String name) {
        boolean known =
                StudyModel.forStudy(study.id).stream()
                        .anyMatch(
                                m ->
                                        PNG_SUFFIXES.stream()
                                                .anyMatch(s -> name.equals(m.modelKey + s)));
        return known ? existing(study, name) : Optional.empty();
    }

    private static String url(Study study, String base, String name) {
        return existing(study, name).isPresent() ? base + name : null;
    }

    private JsonNode summary(Study study, String model) {
        Optional<Path> file = existing(study, model + SUMMARY_SUFFIX);
        if (file.isEmpty()) {
            return null;
        }
        try {
            return mapper.readTree(file.get().toFile());
        } catch (IOException e) {
            // A damaged summary is a server-side fault, not the caller's: report it as such.
            throw new UncheckedIOException("cannot read " + file.get() + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Path> existing(Study study, String name) {
        Path file = Path.of(study.stimuliDir).resolve(FOLDER).resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
