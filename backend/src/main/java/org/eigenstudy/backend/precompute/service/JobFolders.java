package org.eigenstudy.backend.precompute.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The files of a job, in its folder {@code <folder>/<id>/}: the study file, the pipeline's output
 * (with its resumable work), the log of the CLI and its status file.
 */
@ApplicationScoped
public class JobFolders {

    /** The end of the log the API returns: enough for any failure, bounded for a long run. */
    static final int LOG_TAIL_BYTES = 64 * 1024;

    private static final ObjectMapper STATUS =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Inject PrecomputeConfig config;

    /** Creates the job's folder with its study file. */
    void create(long id, String configYaml) {
        try {
            Files.createDirectories(folder(id));
            Files.writeString(config(id), configYaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path config(long id) {
        return folder(id).resolve("study.yaml");
    }

    Path out(long id) {
        return folder(id).resolve("stimuli");
    }

    Path status(long id) {
        return folder(id).resolve("status.json");
    }

    Path log(long id) {
        return folder(id).resolve("job.log");
    }

    /** The last progress the CLI wrote; empty before its first report. */
    Optional<JobProgress> progress(long id) {
        Path file = status(id);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(STATUS.readValue(file.toFile(), JobProgress.class));
        } catch (IOException e) {
            return Optional.empty(); // replaced atomically, so only a vanished file gets here
        }
    }

    /** The end of the log (the progress bar's carriage returns as new lines). */
    String logTail(long id) {
        Path file = log(id);
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, log.length() - LOG_TAIL_BYTES);
            byte[] bytes = new byte[(int) (log.length() - start)];
            log.seek(start);
            log.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).replace('\r', '\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Why a run failed, in one line: the CLI's own error lines ({@code error: ...}) when it wrote
     * any, else its last line, with the exit code.
     */
    String failure(long id, int exit) {
        List<String> lines =
                Arrays.stream(logTail(id).split("\n"))
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .toList();
        List<String> errors = lines.stream().filter(l -> l.startsWith("error:")).toList();
        String reason =
                !errors.isEmpty()
                        ? String.join("; ", errors)
                        : lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
        return reason + " (exit " + exit + ")";
    }

    private Path folder(long id) {
        return Path.of(config.folder()).toAbsolutePath().normalize().resolve(Long.toString(id));
    }
}
