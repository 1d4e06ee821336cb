package org.eigenstudy.geometry.cli;

import java.nio.file.Path;
import org.eigenstudy.geometry.stimuli.RunOptions;
import org.eigenstudy.geometry.stimuli.StimulusPipeline;
import org.eigenstudy.studyconfig.StudyConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stimuli}: a study config's stimuli images, manifest and contact sheets; resumable. */
@Command(
        name = "stimuli",
        mixinStandardHelpOptions = true,
        description = {
            "Render a study's stimuli (top / orthogonal / bottom eigen-axis strips), manifest.json",
            "and one contact sheet per model. Finished work is kept in OUT/.work, so rerunning",
            "after an interrupt continues where it stopped."
        })
public final class StimuliCommand extends StudyCommand {
    @Option(names = "--out", required = true, description = "Stimuli folder to write.")
    Path out;

    @Option(
            names = "--hessians",
            description =
                    "Folder of Hessian shards from stimuli-shard, combined instead of computing.")
    Path hessians;

    @Option(names = "--shards", defaultValue = "0", description = "Number of shards in --hessians.")
    int shards;

    @Option(
            names = "--status",
            description =
                    "Also write the progress as JSON to this file at each redraw (done, total,"
                            + " elapsedSeconds, etaSeconds, etaLowerBound, what).")
    Path status;

    @Override
    void execute(StudyConfig config) {
        if ((hessians == null) != (shards == 0)) {
            throw new org.eigenstudy.geometry.GeometryException(
                    "--hessians and --shards go together (--shards N >= 1 with --hessians DIR)");
        }
        RunOptions options =
                hessians == null
                        ? RunOptions.local(deviceChoice(), batch)
                        : new RunOptions(deviceChoice(), batch, hessians, shards);
        StimulusPipeline.run(
                config,
                out,
                options,
                status == null
                        ? new ProgressBar("stimuli", spec.commandLine().getErr())
                        : new ProgressBar("stimuli", spec.commandLine().getErr())
                                .withStatusFile(status));
        spec.commandLine().getOut().println("stimuli written to " + out.resolve("manifest.json"));
    }
}
