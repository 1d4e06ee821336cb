package org.eigenstudy.backend.model.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eigenstudy.backend.archive.ArchiveLimits;
import org.eigenstudy.backend.archive.SafeUnzip;
import org.eigenstudy.backend.archive.StagingArea;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.domain.DomainException.Kind;
import org.eigenstudy.backend.model.store.GeneratorModelStore;
import org.eigenstudy.backend.precompute.service.GeometryCli;
import org.eigenstudy.backend.precompute.service.PrecomputeConfig;
import org.eigenstudy.studyconfig.Problem;

/**
 * Stores uploaded generators. The archive is unpacked into a staging folder and checked by
 * geometry-core's {@code check-model} as the pipeline will use it (card schema and file checksums,
 * every module loads as TorchScript and runs on prior samples at the card's latent size, finite
 * images of the card's channels), which also draws the sample grid; only then is the folder moved
 * to {@code <folder>/<card SHA-256>} and recorded. A refused upload leaves nothing.
 */
@ApplicationScoped
public class ModelService {

    /** The upload's form field, which every problem names. */
    static final String FIELD = "model";

    static final String CARD = "model-card.json";
    static final String GRID = "sample-grid.png";

    @Inject ModelConfig config;
    @Inject PrecomputeConfig precompute;
    @Inject GeneratorModelStore store;
    @Inject GeometryCli cli;

    /**
     * Staging folders left by a stop in the middle of an upload (and its check's scratch files).
     */
    void removeAbandonedUploads(@Observes StartupEvent start) {
        new StagingArea(root()).removeAbandoned();
    }

    @Transactional
    public ModelUpload upload(Path zip, String fileName, String user) {
        cli.requireAvailable("this server cannot check generators; compute stimuli elsewhere");
        Path staging = new StagingArea(root()).create();
        try {
            long bytes =
                    new SafeUnzip(
                                    new ArchiveLimits(
                                            1000, config.maxUnpackedBytes(), 200, 1 << 20),
                                    CARD,
                                    FIELD)
                            .extract(zip, staging);
            JsonNode facts = check(staging);
            String sha = facts.path("cardSha256").asText();
            var existing = store.byCard(sha);
            Path target = root().resolve(sha);
            if (existing.isPresent() && Files.isDirectory(target)) {
                return new ModelUpload(withPath(existing.get()), false);
            }
            if (!Files.isDirectory(target)) {
                Files.move(staging, target);
            }
            GeneratorModel stored =
                    store.insert(
                            new GeneratorModel(
                                    0,
                                    facts.path("name").asText(),
                                    facts.path("architecture").asText(),
                                    facts.path("description").asText(""),
                                    facts.path("resolution").asInt(),
                                    facts.path("channels").asInt(),
                                    spaces(facts),
                                    sha,
                                    bytes,
                                    fileName == null || fileName.isBlank() ? "model.zip" : fileName,
                                    user,
                                    null,
                                    null));
            return new ModelUpload(withPath(stored), existing.isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            StagingArea.delete(staging);
        }
    }

    @Transactional
    public List<GeneratorModel> list() {
        return store.listNewestFirst().stream().map(this::withPath).toList();
    }

    /** The sample grid the check drew. */
    @Transactional
    public Path sampleGrid(long id) {
        GeneratorModel model =
                store.byId(id).orElseThrow(() -> DomainException.notFound("model " + id));
        return root().resolve(model.cardSha256()).resolve(GRID);
    }

    /**
     * Runs {@code check-model} on the staged card; its JSON facts, or 422 with the CLI's own error
     * lines (not TorchScript, another latent size, a checksum that differs, a bad card).
     */
    private JsonNode check(Path staging) throws IOException {
        Path log = staging.resolveSibling(staging.getFileName() + ".log");
        Path out = staging.resolveSibling(staging.getFileName() + ".json");
        try {
            Process process =
                    cli.command(
                                    List.of(
                                            "check-model",
                                            "--card",
                                            staging.resolve(CARD).toString(),
                                            "--grid",
                                            staging.resolve(GRID).toString()))
                            .redirectOutput(out.toFile())
                            .redirectError(log.toFile())
                            .start();
            if (!process.waitFor(config.checkSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                throw DomainException.invalid(
                        "the generator took longer than "
                                + config.checkSeconds()
                                + " s to load and run; check it on a machine with a GPU",
                        FIELD,
                        "model");
            }
            if (process.exitValue() != 0) {
                throw new DomainException(Kind.INVALID, errors(log));
            }
            return new ObjectMapper().readTree(out.toFile());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking a model", e);
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(out);
        }
    }

    private static List<Problem> errors(Path log) throws IOException {
        List<Problem> problems = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("error: ")) {
                problems.add(Problem.of(FIELD, "model", line.substring("error: ".length())));
            }
        }
        if (problems.isEmpty()) {
            problems.add(Problem.of(FIELD, "model", "the generator check failed"));
        }
        return problems;
    }

    private static List<GeneratorModel.Space> spaces(JsonNode facts) {
        List<GeneratorModel.Space> spaces = new ArrayList<>();
        for (JsonNode space : facts.path("spaces")) {
            spaces.add(
                    new GeneratorModel.Space(
                            space.path("name").asText(),
                            space.path("dim").asInt(),
                            space.path("exploration").asText(),
                            space.hasNonNull("wplusLayers")
                                    ? space.get("wplusLayers").asInt()
                                    : null));
        }
        return spaces;
    }

    /**
     * The model with the {@code card:} path a study file names it by: relative to the folder study
     * files' paths start from on this server ({@code eigenstudy.precompute.config-base}).
     */
    private GeneratorModel withPath(GeneratorModel model) {
        Path base = Path.of(precompute.configBase()).toAbsolutePath().normalize();
        Path card = root().resolve(model.cardSha256()).resolve(CARD);
        return model.withCardPath(base.relativize(card).toString());
    }

    private Path root() {
        return Path.of(config.folder()).toAbsolutePath().normalize();
    }
}
