package org.eigenstudy.backend.model.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.model.store.ExplorationFolders;
import org.eigenstudy.backend.model.store.GeneratorModelStore;
import org.eigenstudy.backend.precompute.service.GeometryCli;
import org.eigenstudy.studyconfig.manifest.Sha256;

/**
 * The dashboard's axis explorer: before a study is paid for, a researcher walks a model's candidate
 * directions (the metric's top eigenvectors, SeFa, GANSpace, random) from one reference code and
 * sees the frames and the image-distance curve. Frames are rendered on the server by geometry-core
 * ({@code directions --explore-frames}) on first request and kept in the model's folder, named by
 * the card, the request and the CLI build, so a redeployed CLI renders afresh and a repeated
 * request is served from disk.
 */
@ApplicationScoped
public class ExplorationService {

    @Inject ModelConfig config;
    @Inject GeneratorModelStore store;
    @Inject GeometryCli cli;

    /**
     * The exploration, computed now if no earlier request made it. No transaction: the CLI runs for
     * seconds, and only a read of the model's row touches the database.
     */
    public Exploration explore(long modelId, ExplorationRequest request) {
        GeneratorModel model = model(modelId);
        request.check(model);
        cli.requireAvailable("explore directions with the CLI: directions --explore-frames");
        ExplorationFolders folders = folders(model);
        String key =
                Sha256.of(
                        model.cardSha256() + "\n" + request.canonical() + "\n" + cli.buildStamp());
        Path result = folders.result(key).orElseGet(() -> compute(model, request, folders, key));
        return view(modelId, key, request, result);
    }

    /** A frame of a finished exploration of the model; 404 for anything else. */
    public Path frame(long modelId, String key, String file) {
        return folders(model(modelId))
                .frame(key, file)
                .orElseThrow(() -> DomainException.notFound("exploration frame " + file));
    }

    private Path compute(
            GeneratorModel model,
            ExplorationRequest request,
            ExplorationFolders folders,
            String key) {
        Path staging = folders.staging(key);
        Path log = staging.resolve("directions.log");
        try {
            Process process =
                    cli.command(request.arguments(card(model).toString(), staging.toString()))
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
            if (!process.waitFor(config.checkSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                folders.discard(staging);
                throw DomainException.conflict(
                        "exploring took longer than "
                                + config.checkSeconds()
                                + " s on this server; run the CLI's directions --explore-frames"
                                + " on a machine with a GPU",
                        "too-slow");
            }
            if (process.exitValue() != 0) {
                String reason = lastError(log);
                folders.discard(staging);
                throw DomainException.invalid(reason, "method", "cannot-explore");
            }
            return folders.publish(staging, key);
        } catch (IOException e) {
            folders.discard(staging);
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            folders.discard(staging);
            throw new IllegalStateException("interrupted while exploring", e);
        }
    }

    /** The CLI's own one-line error (e.g. GANSpace on a card without a features module). */
    private static String lastError(Path log) throws IOException {
        return java.nio.file.Files.readAllLines(log).stream()
                .filter(l -> l.startsWith("error: "))
                .map(l -> l.substring("error: ".length()))
                .reduce((a, b) -> b)
                .orElse("the directions command failed");
    }

    private static Exploration view(
            long modelId, String key, ExplorationRequest request, Path folder) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(folder.resolve(ExplorationFolders.RESULT).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Double> steps = new ArrayList<>();
        json.at("/explore/steps").forEach(s -> steps.add(s.asDouble()));
        List<Exploration.Direction> directions = new ArrayList<>();
        JsonNode strips = json.at("/explore/strips");
        for (int k = 0; k < strips.size(); k++) {
            JsonNode strip = strips.get(k);
            List<String> frames = new ArrayList<>();
            strip.path("frames")
                    .forEach(
                            f ->
                                    frames.add(
                                            "/api/researcher/models/"
                                                    + modelId
                                                    + "/explorations/"
                                                    + key
                                                    + "/"
                                                    + f.asText()));
            List<Double> distances = new ArrayList<>();
            strip.path("distances").forEach(d -> distances.add(d.asDouble()));
            JsonNode score = json.path("scores").path(k);
            directions.add(
                    new Exploration.Direction(
                            k + 1,
                            strip.path("label").asText(),
                            score.isNumber() ? score.asDouble() : null,
                            frames,
                            distances));
        }
        return new Exploration(
                key, request.space(), request.method(), request.layers(), steps, directions);
    }

    private GeneratorModel model(long id) {
        return store.byId(id).orElseThrow(() -> DomainException.notFound("model " + id));
    }

    private Path modelFolder(GeneratorModel model) {
        return Path.of(config.folder()).toAbsolutePath().normalize().resolve(model.cardSha256());
    }

    private ExplorationFolders folders(GeneratorModel model) {
        return new ExplorationFolders(modelFolder(model));
    }

    private Path card(GeneratorModel model) {
        return modelFolder(model).resolve(ModelService.CARD);
    }
}
