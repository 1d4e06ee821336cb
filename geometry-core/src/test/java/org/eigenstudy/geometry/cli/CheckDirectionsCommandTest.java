package org.eigenstudy.geometry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.eigenstudy.studyconfig.manifest.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check-directions}: a labelled CSV and a .npy print their facts; a value that is not
 * finite, a vector without length, rows of two sizes and a size other than {@code --dim} are user
 * errors (exit 2, one line naming the row).
 */
class CheckDirectionsCommandTest {

    @TempDir Path dir;

    @Test
    void aLabelledCsvAndANpyPrintTheirFacts() throws Exception {
        Path csv = dir.resolve("smile.csv");
        Files.writeString(csv, "# InterFaceGAN\nsmile,1,0,0\nage,0,2,0\n");
        CliRun run = CliRun.of("check-directions", "--file", csv.toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode facts = new ObjectMapper().readTree(run.out());
        assertEquals(2, facts.path("count").asInt());
        assertEquals(3, facts.path("dim").asInt());
        assertEquals("smile", facts.at("/labels/0").asText());
        assertEquals("age", facts.at("/labels/1").asText());
        assertEquals(Sha256.of(csv), facts.path("sha256").asText());

        Path npy = dir.resolve("mine.npy");
        Npy.write(npy, new NpyArray(new int[] {1, 4}, new double[] {1, 2, 3, 4}), true);
        CliRun npyRun = CliRun.of("check-directions", "--file", npy.toString(), "--dim", "4");
        assertEquals(0, npyRun.exit(), npyRun.err());
        JsonNode npyFacts = new ObjectMapper().readTree(npyRun.out());
        assertEquals(4, npyFacts.path("dim").asInt());
        assertEquals("mine-1", npyFacts.at("/labels/0").asText());
    }

    @Test
    void badFilesAreUserErrorsNamingTheRow() throws Exception {
        refused("a,1,2\nb,NaN,1\n", null, "direction 2 (b) has a value that is not a finite");
        refused("a,1,2\nb,0,0\n", null, "direction 2 (b)");
        refused("a,1,2\nb,1,2,3\n", null, "has 3 values; the first direction has 2");
        refused("a,1,2\n", "3", "has 2 values; the latent space has 3");
        refused("a,1,x\n", null, "'x' is not a number");
    }

    private void refused(String csv, String dim, String message) throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, csv);
        CliRun run =
                dim == null
                        ? CliRun.of("check-directions", "--file", file.toString())
                        : CliRun.of("check-directions", "--file", file.toString(), "--dim", dim);
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().startsWith("error: "), run.err());
        assertTrue(run.err().contains(message), run.err());
    }
}
