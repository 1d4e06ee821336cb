package org.eigenstudy.geometry.model;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The LPIPS alex and vgg exports (≈10 MB and ≈59 MB: their trunks cannot be narrowed, too big to
 * commit), written into {@code target/generated-exports/} by the real exporter from seeded
 * random-weight checkpoints in the public layout, with the PyTorch reference outputs beside them.
 * The Java tests make them themselves because {@code ./eigenstudy test} runs Maven before pytest.
 */
final class GeneratedExports {
    static final List<String> LPIPS_TRUNKS = List.of("alex", "vgg");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final long TIMEOUT_MINUTES = 5;
    private static Path folder;
    // A failed run is remembered so the second trunk reports it instead of waiting for another one.
    private static IllegalStateException failure;

    private GeneratedExports() {}

    /** {@code lpips-<trunk>/}, written once per JVM (both trunks in one interpreter start). */
    static synchronized Path lpips(String trunk) {
        if (!LPIPS_TRUNKS.contains(trunk)) {
            throw new IllegalArgumentException("no generated LPIPS export for trunk " + trunk);
        }
        if (failure != null) {
            throw failure;
        }
        if (folder == null) {
            try {
                folder = generate();
            } catch (IllegalStateException e) {
                failure = e;
                throw e;
            }
        }
        return folder.resolve("lpips-" + trunk);
    }

    private static Path generate() {
        if (!Files.isExecutable(PYTHON)) {
            throw new IllegalStateException(
                    PYTHON
                            + " not found: the LPIPS alex/vgg export tests write their fixtures with"
                            + " Debian's python3 and python3-torch (apt-get install python3-torch"
                            + " python3-numpy; .ci/run installs them)");
        }
        Path module = moduleDir();
        Path target = module.resolve("target").resolve("generated-exports");
        Path log = module.resolve("target").resolve("generated-exports.log");
        List<String> command = new ArrayList<>();
        command.addAll(
                List.of(
                        PYTHON.toString(),
                        "-m",
                        "eigenstudy_export.java_fixtures",
                        target.toString(),
                        "--lpips"));
        command.addAll(LPIPS_TRUNKS);
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(module.resolve("python").toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        try {
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        String.join(" ", command) + " ran over " + TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command)
                                + " failed (exit "
                                + process.exitValue()
                                + "):\n"
                                + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + PYTHON + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the LPIPS exports", e);
        }
        return target;
    }

    /** geometry-core/, found from target/test-classes so it does not depend on the working dir. */
    private static Path moduleDir() {
        try {
            Path classes =
                    Path.of(
                            GeneratedExports.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI());
            return classes.getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
