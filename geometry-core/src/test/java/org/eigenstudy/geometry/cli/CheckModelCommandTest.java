package org.eigenstudy.geometry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.eigenstudy.studyconfig.manifest.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check-model} on the committed demo generator: facts and a sample grid; a module that is no
 * TorchScript and a card with another latent size are user errors (exit 2, one line naming them).
 */
class CheckModelCommandTest {

    private static final Path DEMO = Path.of("models/demo");

    @TempDir Path dir;

    @Test
    void theDemoGeneratorPassesWithItsFactsAndASampleGrid() throws Exception {
        Path grid = dir.resolve("grid.png");
        CliRun run =
                run(
                        "--card",
                        DEMO.resolve("model-card.json").toString(),
                        "--grid",
                        grid.toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode facts = new ObjectMapper().readTree(run.out());
        assertEquals("demo-shapes-64", facts.path("name").asText());
        assertEquals(64, facts.at("/spaces/0/dim").asInt());
        assertEquals(Sha256.of(DEMO.resolve("model-card.json")), facts.path("cardSha256").asText());
        BufferedImage image = ImageIO.read(grid.toFile());
        assertEquals(6 * CheckModelCommand.TILE, image.getWidth());
        assertEquals(CheckModelCommand.TILE, image.getHeight());
        // Prior samples of the shapes generator differ: the tiles are not all alike.
        assertTrue(
                image.getRGB(10, 10) != image.getRGB(CheckModelCommand.TILE + 10, 10)
                        || image.getRGB(48, 48) != image.getRGB(CheckModelCommand.TILE + 48, 48));
    }

    @Test
    void aModuleThatIsNoTorchScriptIsAUserError() throws Exception {
        Path card = copyOfDemo(true, 64);
        CliRun run = run("--card", card.toString());
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().startsWith("error: "), run.err());
        assertTrue(run.err().contains("not TorchScript"), run.err());
    }

    @Test
    void aCardWithAnotherLatentSizeIsAUserError() throws Exception {
        Path card = copyOfDemo(false, 32);
        CliRun run = run("--card", card.toString());
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("does not accept codes of dimension 32"), run.err());
    }

    private Path copyOfDemo(boolean garbageModule, int dim) throws Exception {
        Path module = dir.resolve("generator_z.pt");
        if (garbageModule) {
            Files.writeString(module, "not a TorchScript archive");
        } else {
            Files.copy(DEMO.resolve("generator_z.pt"), module);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode card = (ObjectNode) json.readTree(DEMO.resolve("model-card.json").toFile());
        ((ObjectNode) card.path("files").path("generator_z.pt")).put("sha256", Sha256.of(module));
        ((ObjectNode) card.path("spaces").get(0)).put("dim", dim);
        Path file = dir.resolve("model-card.json");
        json.writeValue(file.toFile(), card);
        return file;
    }

    private static CliRun run(String... args) {
        return CliRun.of("check-model", args);
    }
}
