package org.eigenstudy.backend.directions.service;

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
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eigenstudy.backend.archive.StagingArea;
import org.eigenstudy.backend.directions.store.DirectionFileStore;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.domain.DomainException.Kind;
import org.eigenstudy.backend.precompute.service.GeometryCli;
import org.eigenstudy.backend.precompute.service.PrecomputeConfig;
import org.eigenstudy.studyconfig.ConfigSource;
import org.eigenstudy.studyconfig.Problem;
import org.eigenstudy.studyconfig.StudyConfig;
import org.eigenstudy.studyconfig.manifest.Sha256;
import org.eigenstudy.studyconfig.model.ModelSpec;

/**
 * Stores uploaded direction files and checks study files against them. An upload is copied into a
 * staging folder and read by geometry-core's {@code check-directions} exactly as the pipeline will
 * read {@code directions.imported} (so the parser is the pipeline's own); only then is it moved to
 * {@code <folder>/<SHA-256>/<name>} and recorded. A refused upload leaves nothing.
 *
 * <p>A study file names an uploaded file by its {@link DirectionFile#path}, which holds the file's
 * SHA-256: the stimuli fingerprint (the study's stimulus YAML) then pins the vectors themselves, as
 * a model's {@code card:} path pins its generator, so stimuli computed from one file never fit a
 * study that names another.
 */
@ApplicationScoped
public class DirectionFileService {

    /** The upload's form field, which every upload problem names. */
    public static final String FIELD = "directions";

    /** The rule of the problems a study file's imported directions break. */
    static final String RULE = "directions-file";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject DirectionsConfig config;
    @Inject PrecomputeConfig precompute;
    @Inject DirectionFileStore store;
    @Inject GeometryCli cli;

    /** Staging folders left by a stop in the middle of an upload. */
    void removeAbandonedUploads(@Observes StartupEvent start) {
        new StagingArea(root()).removeAbandoned();
    }

    /** The upload's optional form field of a .npy file's labels, one per line. */
    public static final String LABELS_FIELD = "labels";

    /** A labels file larger than this is no list of names (512 labels of 2 KiB fit). */
    static final long LABELS_MAX_BYTES = 1 << 20;

    /**
     * Checks and keeps an uploaded file; {@code labels}, when given, names a .npy file's vectors,
     * one per line, and is kept beside it as {@code <stem>.labels.txt}, where the pipeline reads
     * it.
     */
    @Transactional
    public DirectionFileUpload upload(Path file, String fileName, Path labels, String user) {
        String name = storedName(fileName);
        if (labels != null) {
            checkLabels(name, labels);
        }
        long bytes = size(file);
        if (bytes == 0) {
            throw DomainException.invalid(name + " is empty", FIELD, "empty");
        }
        if (bytes > config.maxBytes()) {
            throw DomainException.invalid(
                    name + " has " + bytes + " bytes; at most " + config.maxBytes() + " are kept",
                    FIELD,
                    "size");
        }
        cli.requireAvailable("this server cannot check direction files");
        Path staging = new StagingArea(root()).create();
        try {
            Path staged = staging.resolve(name);
            Files.copy(file, staged);
            if (labels != null) {
                Files.copy(labels, staging.resolve(labelsName(name)));
            }
            JsonNode facts = check(staged, name);
            String sha = contentKey(facts);
            Optional<DirectionFile> existing = store.bySha256(sha);
            Path target = root().resolve(sha);
            if (existing.isPresent()
                    && Files.isRegularFile(target.resolve(existing.get().fileName()))) {
                return new DirectionFileUpload(withPath(existing.get()), false);
            }
            if (!Files.isRegularFile(target.resolve(name))) {
                if (Files.isDirectory(target)) {
                    StagingArea.delete(target); // left by a deletion that did not finish
                }
                try {
                    Files.move(staging, target);
                } catch (FileAlreadyExistsException sameFileAtOnce) {
                    // Another upload of the same file moved its copy first; the row is one.
                }
            }
            List<String> read = new ArrayList<>();
            facts.path("labels").forEach(label -> read.add(label.asText()));
            DirectionFile stored =
                    store.insert(
                            new DirectionFile(
                                    0,
                                    name,
                                    facts.path("count").asInt(),
                                    facts.path("dim").asInt(),
                                    read,
                                    sha,
                                    bytes,
                                    user,
                                    null,
                                    null));
            return new DirectionFileUpload(withPath(stored), existing.isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            StagingArea.delete(staging);
        }
    }

    private static void checkLabels(String name, Path labels) {
        if (!name.endsWith(".npy")) {
            throw DomainException.invalid(
                    "labels go with a .npy file; a CSV names each direction in its first column",
                    LABELS_FIELD,
                    "csv-labels");
        }
        long bytes = size(labels);
        if (bytes == 0 || bytes > LABELS_MAX_BYTES) {
            throw DomainException.invalid(
                    "the labels file must hold 1 to "
                            + LABELS_MAX_BYTES
                            + " bytes, one label per line; it has "
                            + bytes,
                    LABELS_FIELD,
                    "size");
        }
    }

    /** Where the pipeline looks for a .npy file's labels (geometry-core's ImportedDirections). */
    static String labelsName(String npyName) {
        return npyName.substring(0, npyName.length() - ".npy".length()) + ".labels.txt";
    }

    /**
     * The SHA-256 the file is kept and named by: the file's own, or, with a labels file, one over
     * both files' hashes, so that new labels for the same vectors are a new path in a study file
     * (the labels name the study's axes).
     */
    private static String contentKey(JsonNode facts) {
        String sha = facts.path("sha256").asText();
        JsonNode labels = facts.get("labels_sha256");
        return labels == null ? sha : Sha256.of(sha + "\n" + labels.asText());
    }

    @Transactional
    public List<DirectionFile> list() {
        return store.listNewestFirst().stream().map(this::withPath).toList();
    }

    /**
     * Deletes the row and its folder. A study file that names it no longer validates; stimuli
     * already computed from it keep their frames. 409 {@code in-use} while a queued or running job
     * names it.
     */
    @Transactional
    public void delete(long id) {
        DirectionFile file =
                store.byId(id).orElseThrow(() -> DomainException.notFound("direction file " + id));
        List<Long> jobs = store.unfinishedJobsNaming(file.sha256(), file.fileName());
        if (!jobs.isEmpty()) {
            throw DomainException.conflict(
                    file.fileName()
                            + " is used by stimulus job "
                            + jobs.get(0)
                            + ", which is still "
                            + "queued or running; cancel it or wait until it ends",
                    "in-use");
        }
        store.delete(id);
        StagingArea.delete(root().resolve(file.sha256()));
    }

    /**
     * What stands in the way of computing {@code study}'s imported directions on this server, one
     * problem per model at the field that names the file: a path under the uploads that is no
     * uploaded file (deleted, mistyped), a file that exists nowhere (with the path to use when an
     * uploaded file has that name), vectors of another size than the model's latent space (read
     * from its card), fewer vectors than {@code axes.imported}. Paths resolve from the folder study
     * files' paths start from; a file outside the uploads that exists is left to the pipeline's own
     * check.
     */
    @Transactional
    public List<Problem> check(StudyConfig study) {
        Path base = configBase();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < study.models().size(); i++) {
            ModelSpec model = study.models().get(i);
            String named = model.stimuli().directions().importedFile();
            if (model.stimuli().axes().imported() == 0 || named == null) {
                continue;
            }
            String field = "models[" + i + "].stimuli.directions.imported";
            Path file = base.resolve(named).normalize();
            DirectionFile uploaded = null;
            if (file.startsWith(root())) {
                uploaded = uploadedAt(file).orElse(null);
                if (uploaded == null) {
                    problems.add(
                            problem(
                                    study.source(),
                                    field,
                                    "no uploaded direction file is at "
                                            + named
                                            + " (deleted, or the path is mistyped); upload it on"
                                            + " the Models page and use the path listed there"));
                    continue;
                }
            } else if (!Files.isRegularFile(file)) {
                List<DirectionFile> sameName =
                        named.contains("/") ? List.of() : store.byFileName(named);
                problems.add(
                        problem(
                                study.source(),
                                field,
                                sameName.isEmpty()
                                        ? "directions file not found: "
                                                + named
                                                + "; upload it on the Models page (Direction"
                                                + " files) and use the path listed there"
                                        : named
                                                + " is an uploaded direction file: name it by its"
                                                + " path, "
                                                + withPath(sameName.get(0)).path()));
                continue;
            }
            if (uploaded == null) {
                continue; // a file of this server's own: the pipeline checks it
            }
            Optional<Integer> dim =
                    latentSize(base.resolve(model.card()).normalize(), model.space());
            if (dim.isPresent() && dim.get() != uploaded.dim()) {
                problems.add(
                        problem(
                                study.source(),
                                field,
                                uploaded.fileName()
                                        + " holds vectors of "
                                        + uploaded.dim()
                                        + " values, but model '"
                                        + model.id()
                                        + "' has a "
                                        + dim.get()
                                        + "-d latent space '"
                                        + model.space()
                                        + "'"));
            }
            int wanted = model.stimuli().axes().imported();
            if (uploaded.count() < wanted) {
                problems.add(
                        problem(
                                study.source(),
                                "models[" + i + "].stimuli.axes.imported",
                                wanted
                                        + ", but "
                                        + uploaded.fileName()
                                        + " holds "
                                        + uploaded.count()
                                        + " directions; set imported to at most "
                                        + uploaded.count()));
            }
        }
        return problems;
    }

    private static Problem problem(ConfigSource source, String field, String message) {
        return new Problem(source.name(), 0, 0, field, RULE, message)
                .at(source.name(), source.locate(field), "");
    }

    /** The uploaded file at {@code <folder>/<sha>/<name>}, if that is one. */
    private Optional<DirectionFile> uploadedAt(Path file) {
        Path relative = root().relativize(file);
        if (relative.getNameCount() != 2 || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String name = relative.getName(1).toString();
        return store.bySha256(relative.getName(0).toString())
                .filter(f -> f.fileName().equals(name));
    }

    /** The latent size of {@code space} in a model card; empty when the card cannot tell. */
    private static Optional<Integer> latentSize(Path card, String space) {
        try {
            for (JsonNode s : JSON.readTree(card.toFile()).path("spaces")) {
                if (s.path("name").asText().equals(space) && s.path("dim").canConvertToInt()) {
                    return Optional.of(s.path("dim").asInt());
                }
            }
        } catch (IOException e) {
            // Missing or not JSON: the card check reports it.
        }
        return Optional.empty();
    }

    /**
     * Runs {@code check-directions}; its JSON facts, or 422 with the CLI's own error lines (a value
     * that is not a number or not finite, a vector without length, rows of two sizes), the staged
     * file named as the researcher named it.
     */
    private JsonNode check(Path staged, String name) throws IOException {
        Path log = staged.resolveSibling(".check.log");
        Path out = staged.resolveSibling(".check.json");
        try {
            Process process =
                    cli.command(List.of("check-directions", "--file", staged.toString()))
                            .redirectOutput(out.toFile())
                            .redirectError(log.toFile())
                            .start();
            if (!process.waitFor(config.checkSeconds(), TimeUnit.SECONDS)) {
                process.destroy();
                throw DomainException.invalid(
                        name + " took longer than " + config.checkSeconds() + " s to read",
                        FIELD,
                        "timeout");
            }
            if (process.exitValue() != 0) {
                throw new DomainException(Kind.INVALID, errors(log, staged, name));
            }
            return JSON.readTree(out.toFile());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking a direction file", e);
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(out);
        }
    }

    private static List<Problem> errors(Path log, Path staged, String name) throws IOException {
        List<Problem> problems = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("error: ")) {
                // The staged files by their names alone (the labels file too), as uploaded.
                String message =
                        line.substring("error: ".length()).replace(staged.getParent() + "/", "");
                problems.add(Problem.of(FIELD, "directions", message));
            }
        }
        if (problems.isEmpty()) {
            problems.add(Problem.of(FIELD, "directions", "the check of " + name + " failed"));
        }
        return problems;
    }

    /**
     * The name the file is kept under: the upload's own base name with every character but letters,
     * digits, '.', '_' and '-' replaced by '-'; it must end in .npy or .csv (the format is read
     * from it).
     */
    static String storedName(String fileName) {
        String base = fileName == null ? "" : fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        String lower = base.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".npy") && !lower.endsWith(".csv")) {
            throw DomainException.invalid(
                    "a direction file must be a .npy or .csv file, got '" + base + "'",
                    FIELD,
                    "type");
        }
        String stem = base.substring(0, base.length() - 4).replaceAll("[^A-Za-z0-9._-]", "-");
        if (stem.isEmpty() || stem.startsWith(".")) {
            stem = "directions" + stem;
        }
        if (stem.length() > 100) {
            stem = stem.substring(0, 100);
        }
        return stem + lower.substring(lower.length() - 4);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file with the path a study file names it by (relative to the config base). */
    private DirectionFile withPath(DirectionFile file) {
        Path stored = root().resolve(file.sha256()).resolve(file.fileName());
        return file.withPath(configBase().relativize(stored).toString());
    }

    private Path configBase() {
        return Path.of(precompute.configBase()).toAbsolutePath().normalize();
    }

    private Path root() {
        return Path.of(config.folder()).toAbsolutePath().normalize();
    }
}
