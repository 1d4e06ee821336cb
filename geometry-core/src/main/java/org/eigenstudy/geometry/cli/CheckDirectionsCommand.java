package org.eigenstudy.geometry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.directions.Direction;
import org.eigenstudy.geometry.directions.DirectionSet;
import org.eigenstudy.geometry.directions.ImportedDirections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code check-directions}: whether a file of imported directions ({@code .npy} or CSV) reads as
 * the pipeline will read it ({@code directions.imported}): {@link ImportedDirections} parses it,
 * every value is finite, every vector has a length and all have one size ({@code --dim} when
 * given). Its facts (count, size, labels, SHA-256) go to stdout as JSON. The platform runs it on
 * every uploaded directions file.
 */
@Command(
        name = "check-directions",
        mixinStandardHelpOptions = true,
        description = {
            "Read a .npy or CSV file of directions as directions.imported reads it and print",
            "its facts (count, size, labels, SHA-256) as JSON."
        })
public final class CheckDirectionsCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--file", required = true, description = "The .npy or .csv file to check.")
    Path file;

    @Option(
            names = "--dim",
            description = "The latent size every vector must have (default: the first's).")
    Integer dim;

    @Override
    public Integer call() throws Exception {
        String name = file.getFileName().toString();
        if (!name.endsWith(".npy") && !name.endsWith(".csv")) {
            throw new GeometryException(file + " must be a .npy or .csv file");
        }
        if (dim != null && dim < 1) {
            throw new GeometryException("--dim must be >= 1, got " + dim);
        }
        DirectionSet set =
                dim == null ? ImportedDirections.read(file) : ImportedDirections.read(file, dim);
        List<String> labels = set.directions().stream().map(Direction::label).toList();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("file", name);
        facts.put("count", labels.size());
        facts.put("dim", set.dim());
        facts.put("labels", labels);
        facts.put("sha256", set.provenance().get("sha256"));
        if (set.provenance().containsKey("labels_sha256")) {
            facts.put("labels_sha256", set.provenance().get("labels_sha256"));
        }
        spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(facts));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
