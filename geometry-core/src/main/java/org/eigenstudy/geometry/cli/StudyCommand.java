package org.eigenstudy.geometry.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.model.DeviceChoice;
import org.eigenstudy.geometry.stimuli.InvalidSpecException;
import org.eigenstudy.studyconfig.StudyConfig;
import org.eigenstudy.studyconfig.StudyConfigException;
import org.eigenstudy.studyconfig.StudyConfigParser;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The base of the commands that work from a study config ({@code stimuli}, {@code stimuli-shard}):
 * {@code --config}, {@code --batch}, the shared {@link EngineOptions}, and error handling: a bad
 * config or spec prints one line per problem and exits 2, like every other user error of the CLI.
 */
abstract class StudyCommand implements Callable<Integer> {
    static final int BAD_INPUT = 2;

    @Spec CommandSpec spec;

    @Mixin EngineOptions engine;

    @Option(names = "--config", required = true, description = "Study config YAML.")
    Path config;

    @Option(
            names = "--config-base",
            description =
                    "Folder the config's relative paths (model cards) start from; default: the"
                            + " config file's folder.")
    Path configBase;

    @Option(
            names = "--batch",
            defaultValue = "32",
            description = "Codes per engine batch (memory bound; default: ${DEFAULT-VALUE}).")
    int batch;

    abstract void execute(StudyConfig config) throws Exception;

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
        engine.applyThreads();
        try {
            execute(
                    configBase == null
                            ? StudyConfigParser.parse(config)
                            : StudyConfigParser.parse(
                                    Files.readString(config),
                                    config.getFileName().toString(),
                                    configBase));
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
        return engine.deviceChoice();
    }
}
