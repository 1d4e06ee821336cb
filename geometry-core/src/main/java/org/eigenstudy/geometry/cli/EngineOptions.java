package org.eigenstudy.geometry.cli;

import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.model.DeviceChoice;
import picocli.CommandLine.Option;

/**
 * {@code --device} and {@code --threads}: how every command that runs a generator uses libtorch.
 * One option set for all commands (mixed in), so the same flag means the same thing everywhere.
 */
final class EngineOptions {
    private static final String NUM_THREADS = "ai.djl.pytorch.num_threads";

    @Option(
            names = "--device",
            defaultValue = "auto",
            description = "cpu, gpu or auto (GPU when DJL sees one; default: ${DEFAULT-VALUE}).")
    String device;

    @Option(
            names = "--threads",
            description =
                    "libtorch CPU threads (default: half the CPU cores, at least 1; -D"
                            + NUM_THREADS
                            + " overrides the default).")
    Integer threads;

    DeviceChoice deviceChoice() {
        return DeviceChoice.parse(device);
    }

    /**
     * Caps libtorch's threads; must run before the engine starts (DJL reads the property then).
     * libtorch's own default (one per core) is fine on an idle machine but, on a shared one,
     * threads that spin against other processes made the demo study 4-5 times slower than a single
     * thread (docs/stimuli.md).
     */
    /** The libtorch thread count this process runs with (after {@link #applyThreads}). */
    static int threadsInUse() {
        return Integer.parseInt(
                System.getProperty(
                        NUM_THREADS,
                        Integer.toString(
                                Math.max(1, Runtime.getRuntime().availableProcessors() / 2))));
    }

    void applyThreads() {
        if (threads != null && threads < 1) {
            throw new GeometryException("--threads must be >= 1, got " + threads);
        }
        int n =
                threads != null
                        ? threads
                        : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        if (threads != null || System.getProperty(NUM_THREADS) == null) {
            System.setProperty(NUM_THREADS, Integer.toString(n));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }
}
