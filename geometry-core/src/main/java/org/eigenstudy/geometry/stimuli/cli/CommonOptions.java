package org.eigenstudy.geometry.stimuli.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.model.DeviceChoice;
import org.eigenstudy.geometry.stimuli.InvalidSpecException;
import org.eigenstudy.studyconfig.StudyConfig;
import org.eigenstudy.studyconfig.StudyConfigException;
import org.eigenstudy.studyconfig.StudyConfigParser;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options and error handling shared by the stimuli commands: a bad config or spec prints one line
 * per problem and exits 2, like every other user error of the geometry CLI.
 */
abstract class CommonOptions implements Callable<Integer> {
    static final int BAD_INPUT = 2;
    private static final String NUM_THREADS = "ai.djl.pytorch.num_threads";

    @Spec CommandSpec spec;

    @Option(names = "--config", required = true, description = "Study config YAML.")
    Path config;

    @Option(
            names = "--device",
            defaultValue = "auto",
            description = "cpu, gpu or auto (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(
            names = "--batch",
            defaultValue = "32",
            description = "Codes per engine batch (memory bound; default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--threads",
            description =
                    "libtorch CPU threads (default: half the CPU cores, at least 1; -D"
                            + "ai.djl.pytorch.num_threads overrides).")
    Integer threads;

    abstract void execute(StudyConfig config) throws Exception;

    /**
     * Caps libtorch's threads before the engine starts. Its default (one per core) is fine on an
     * idle machine but, on a shared one, threads that spin against other processes made the demo
     * study 4-5 times slower than a single thread (docs/stimuli.md).
     */
    private void limitThreads() {
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

    /**
     * Runs the command. Problems with the config or spec print one line each and exit 2; other user
     * errors ({@link GeometryException}) reach the top-level command's one-line handler.
     */
    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (batch < 1) {
            throw new GeometryException("--batch must be >= 1, got " + batch);
        }
        limitThreads();
        try {
            execute(StudyConfigParser.parse(config));
            return 0;
        } catch (StudyConfigException e) {
            e.problems().forEach(p -> err.println("error: " + p));
            return BAD_INPUT;
        } catch (InvalidSpecException e) {
            e.problems().forEach(p -> err.println("error: " + p));
            return BAD_INPUT;
        } finally {
            err.flush();
        }
    }

    DeviceChoice deviceChoice() {
        return DeviceChoice.parse(device);
    }
}
