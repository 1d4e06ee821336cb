package org.eigenstudy.geometry.cli;

import org.eigenstudy.geometry.GeometryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar geometry-core-cli.jar <command>}: the thin CLI over the geometry library. */
@Command(
        name = "eigenstudy-geometry",
        mixinStandardHelpOptions = true,
        version = "eigenstudy geometry-core 0.1",
        description =
                "Metric tensors (Hessians) of generator image manifolds and their statistics.",
        subcommands = {
            HessianCommand.class,
            SpectrumCommand.class,
            HomogeneityCommand.class,
            BenchCommand.class,
            StimuliCommand.class,
            StimuliShardCommand.class,
            CheckModelCommand.class,
            CheckDirectionsCommand.class,
            DirectionsCommand.class
        })
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns the exit code (0 ok, 2 user error, 1 bug). */
    public static int run(String... args) {
        // DJL must never reach for the network; the CPU libtorch comes from the jar.
        System.setProperty("ai.djl.offline", "true");
        // Keep stderr for progress and one-line errors; DJL's INFO chatter would bury them.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(
                (e, line, parsed) -> {
                    Throwable cause = e;
                    while (!(cause instanceof GeometryException) && cause.getCause() != null) {
                        cause = cause.getCause();
                    }
                    if (cause instanceof GeometryException) {
                        line.getErr().println("error: " + cause.getMessage());
                        return 2;
                    }
                    line.getErr().println("error: " + e);
                    e.printStackTrace(line.getErr());
                    return 1;
                });
        return cli.execute(args);
    }
}
