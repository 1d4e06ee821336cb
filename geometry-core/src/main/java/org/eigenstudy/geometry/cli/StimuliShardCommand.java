package org.eigenstudy.geometry.cli;

import java.nio.file.Path;
import org.eigenstudy.geometry.stimuli.RunOptions;
import org.eigenstudy.geometry.stimuli.ShardRunner;
import org.eigenstudy.studyconfig.StudyConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stimuli-shard}: one Indexed-Job shard's share of every model's Hessian points. */
@Command(
        name = "stimuli-shard",
        mixinStandardHelpOptions = true,
        description = {
            "Compute shard I's share of the Hessian points of every model (point k of the study",
            "belongs to shard k mod N) into OUT/shard-I/; combine with",
            "`stimuli --hessians OUT --shards N`."
        })
public final class StimuliShardCommand extends StudyCommand {
    @Option(names = "--shard", required = true, description = "This shard's index I (0-based).")
    int shard;

    @Option(names = "--shards", required = true, description = "Number of shards N.")
    int shards;

    @Option(names = "--out", required = true, description = "Shared folder of all shards.")
    Path out;

    @Override
    void execute(StudyConfig config) {
        if (shards < 1) {
            throw new org.eigenstudy.geometry.GeometryException(
                    "--shards must be >= 1, got " + shards);
        }
        ShardRunner.run(
                config,
                out,
                shard,
                shards,
                RunOptions.local(deviceChoice(), batch),
                new ProgressBar("shard " + shard, spec.commandLine().getErr()));
        spec.commandLine()
                .getOut()
                .println("shard " + shard + " of " + shards + " written to " + out);
    }
}
