package org.eigenstudy.geometry.stimuli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every invalid spec fails before any work with exactly one clear line and exit code 2, and leaves
 * no output folder behind. The 16-d fixture makes the dimension limits small.
 */
class SpecValidationTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown model (card missing)|z|hessian: {points: 2}|1|model card not found",
                "unknown space|w|hessian: {points: 2}|1|has no latent space 'w'",
                // top + bottom > dim is then also true: the config module reports both.
                "top K > dim|z|axes: {top: 17, orthogonal: 1, orthogonal_exclude_top: 2, bottom: 1}"
                        + "|2|asks for 17 top eigenvectors but the space has 16 dimensions",
                "bottom K > dim|z|axes: {top: 1, orthogonal: 1, orthogonal_exclude_top: 2, bottom:"
                        + " 20}|2|asks for 20 bottom eigenvectors",
                "M + K > dim|z|axes: {top: 2, orthogonal: 8, orthogonal_exclude_top: 10, bottom:"
                        + " 2}|1|orthogonal_exclude_top + orthogonal = 18 exceeds the space's 16"
                        + " dimensions",
                "d = 0|z|distance: 0|1|distance",
                "d < 0|z|distance: -1.5|1|distance",
                "webp|z|image: {format: webp}|1|webp is not supported",
                "lanczos|z|hessian: {method: lanczos}|1|lanczos yields only the top eigenpairs"
            })
    void failsBeforeAnyWorkWithOneClearLine(
            String name, String space, String line, int lines, String expected) throws IOException {
        String block =
                (line.startsWith("distance") ? "" : "distance: 2.0\n")
                        + line
                        + (line.startsWith("axes")
                                ? ""
                                : "\naxes: {top: 2, orthogonal: 2, orthogonal_exclude_top: 4, bottom: 2}")
                        + "\n";
        Path config = Studies.write(dir, "conv16", space, block);
        if (name.startsWith("unknown model")) {
            Files.writeString(
                    config,
                    Files.readString(config)
                            .replaceAll("card: .*", "card: missing/model-card.json"));
        }
        Path out = dir.resolve("out");

        Cli result =
                Cli.run(
                        "stimuli",
                        "--config",
                        config.toString(),
                        "--out",
                        out.toString(),
                        "--device",
                        "cpu");

        assertEquals(2, result.exitCode(), result.err());
        assertEquals(lines, result.errors().size(), result.err());
        assertTrue(result.errors().stream().anyMatch(e -> e.contains(expected)), result.err());
        assertFalse(Files.exists(out), "nothing may be written for an invalid spec");
    }
}
