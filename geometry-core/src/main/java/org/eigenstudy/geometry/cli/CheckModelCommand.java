package org.eigenstudy.geometry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.model.Generator;
import org.eigenstudy.geometry.model.LatentSpace;
import org.eigenstudy.geometry.model.ModelCard;
import org.eigenstudy.geometry.model.ReferenceCodes;
import org.eigenstudy.geometry.stimuli.render.FrameImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code check-model}: whether a model card and its TorchScript generators work as the pipeline
 * will use them. The card is read and validated (schema, file checksums), each latent space's
 * module is loaded and run on prior samples at the card's latent size, and the outputs must be
 * finite images of the card's channels; the card's facts go to stdout as JSON and the samples to a
 * grid (one row per space). The platform runs it on every uploaded model.
 */
@Command(
        name = "check-model",
        mixinStandardHelpOptions = true,
        description = {
            "Load a model card's generators, run each on prior samples at the card's latent size,",
            "print the card's facts as JSON and write a grid of the samples."
        })
public final class CheckModelCommand implements Callable<Integer> {

    /** Side of one sample in the grid, in pixels. */
    static final int TILE = 96;

    @Spec CommandSpec spec;

    @Mixin EngineOptions engine;

    @Option(names = "--card", required = true, description = "The model-card.json to check.")
    Path card;

    @Option(names = "--grid", description = "PNG of prior samples to write, one row per space.")
    Path grid;

    @Option(
            names = "--samples",
            defaultValue = "6",
            description = "Samples per space (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the prior samples.")
    long seed;

    @Override
    public Integer call() throws IOException {
        if (samples < 1 || samples > 64) {
            throw new GeometryException("--samples must be between 1 and 64, got " + samples);
        }
        engine.applyThreads();
        ModelCard model = ModelCard.read(card);
        List<BufferedImage[]> rows = new ArrayList<>();
        List<Map<String, Object>> spaces = new ArrayList<>();
        long started = System.nanoTime();
        for (LatentSpace space : model.spaces()) {
            rows.add(sampleRow(model, space));
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("name", space.name());
            facts.put("dim", space.dim());
            facts.put("exploration", space.exploration());
            if (space.wplus() != null) {
                // The explorer offers layer ranges only where the card has a W+ module.
                facts.put("wplusLayers", space.wplus().layers());
            }
            spaces.add(facts);
        }
        if (grid != null) {
            writeGrid(rows);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("name", model.name());
        facts.put("architecture", model.architecture());
        facts.put("description", model.description());
        facts.put("resolution", model.resolution());
        facts.put("channels", model.channels());
        facts.put("cardSha256", model.sha256());
        facts.put("spaces", spaces);
        facts.put("checkMillis", (System.nanoTime() - started) / 1_000_000);
        spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(facts));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** {@code samples} prior samples of one space through its generator, as pictures. */
    private BufferedImage[] sampleRow(ModelCard model, LatentSpace space) {
        Random random = new Random(seed);
        float[][] codes = new float[samples][];
        try (ReferenceCodes source = ReferenceCodes.open(model, space, null)) {
            for (int i = 0; i < samples; i++) {
                codes[i] = source.draw(random);
            }
        }
        try (Generator generator = Generator.open(model, space.name(), engine.deviceChoice())) {
            float[][] images = generator.images(codes);
            int side = (int) Math.round(Math.sqrt(images[0].length / (double) model.channels()));
            BufferedImage[] row = new BufferedImage[samples];
            for (int i = 0; i < samples; i++) {
                row[i] =
                        FrameImage.of(
                                images[i], model.channels(), side, side, model.valueRange(), TILE);
            }
            return row;
        }
    }

    private void writeGrid(List<BufferedImage[]> rows) throws IOException {
        BufferedImage image =
                new BufferedImage(samples * TILE, rows.size() * TILE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < samples; c++) {
                g.drawImage(rows.get(r)[c], c * TILE, r * TILE, null);
            }
        }
        g.dispose();
        Path parent = grid.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageIO.write(image, "png", grid.toFile());
    }
}
