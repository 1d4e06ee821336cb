package org.eigenstudy.backend.precompute.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eigenstudy.backend.domain.DomainException;

/**
 * geometry-core's CLI as this server runs it: the jar of {@link PrecomputeConfig#cliJar}, started
 * with this JVM's own java in a child process, DJL kept offline (its libtorch comes from the jar,
 * never a download). Precompute jobs and model checks both run it.
 */
@ApplicationScoped
public class GeometryCli {

    @Inject PrecomputeConfig config;

    /** The command for {@code arguments}, e.g. {@code stimuli --config ...}. */
    public ProcessBuilder command(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DJL_OFFLINE", "true");
        builder.environment().merge(TUNABLES, HUGE_PAGES, GeometryCli::withHugePages);
        return builder;
    }

    /** glibc's settings variable, read once when a process starts. */
    static final String TUNABLES = "GLIBC_TUNABLES";

    /**
     * Transparent huge pages for malloc: a generator's large tensors are then faulted in 2 MiB at a
     * time instead of 4 KiB, which made Hessians of the 256-px generators up to 3× faster
     * (docs/benchmarks.md, "Page faults"); harmless where faults are cheap.
     */
    static final String HUGE_PAGES = "glibc.malloc.hugetlb=1";

    /** The operator's own tunables, plus huge pages unless they already choose. */
    static String withHugePages(String own, String hugePages) {
        return own.contains("glibc.malloc.hugetlb=") ? own : own + ":" + hugePages;
    }

    /** 409 {@code unavailable} when this server has no CLI: what needs it must run elsewhere. */
    public void requireAvailable(String instead) {
        if (!Files.isRegularFile(jar())) {
            throw DomainException.conflict(
                    "this server has no geometry-core CLI at "
                            + jar()
                            + " (eigenstudy.precompute.cli-jar, EIGENSTUDY_GEOMETRY_CLI); "
                            + instead,
                    "unavailable");
        }
    }

    /**
     * What identifies this CLI build for results cached on disk: its size and modification time,
     * which a redeploy of the jar changes (hashing a jar of hundreds of MB on every request would
     * not pay).
     */
    public String buildStamp() {
        try {
            Path jar = jar();
            return Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toMillis();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path jar() {
        return Path.of(config.cliJar()).toAbsolutePath().normalize();
    }
}
