package org.eigenstudy.geometry.hessian;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eigenstudy.geometry.model.TorchScript;

/**
 * {@code torch.autograd.grad} for one output and one input, through the committed TorchScript
 * helper {@code autograd.pt} (python/autograd_module/make_autograd_module.py).
 *
 * <p>DJL's own {@code backward} runs the whole graph and accumulates into every leaf's gradient.
 * With an explicit input, libtorch executes only the nodes on paths to that input and returns the
 * gradient instead of accumulating it: a second derivative then no longer back-propagates through
 * the forward graph for nothing, and a retained graph is reused without growing.
 */
final class Autograd {
    private static final String RESOURCE = "autograd.pt";
    private static Model model;
    private static PtSymbolBlock block;

    private Autograd() {}

    /**
     * d⟨output, seed⟩/d input as a new array of {@code out}: zeros if the input does not reach the
     * output. {@code retainGraph} keeps the graph for further calls; {@code createGraph} makes the
     * result differentiable (its graph is recorded). Call inside a {@link GradientScope}.
     */
    static NDArray vjp(
            NDManager out,
            NDArray output,
            NDArray input,
            NDArray seed,
            boolean retainGraph,
            boolean createGraph) {
        try (NDManager call = out.newSubManager()) {
            // With training = true the helper runs with gradients enabled (DJL's runMethod entry
            // point does not, and the helper then cannot record a differentiable gradient).
            NDArray flags = call.create(new float[] {retainGraph ? 1 : 0, createGraph ? 1 : 0});
            return TorchScript.method(block(), out, "vjp", true, output, input, seed, flags)
                    .singletonOrThrow();
        }
    }

    private static synchronized PtSymbolBlock block() {
        if (block == null) {
            model = load();
            block = (PtSymbolBlock) model.getBlock();
        }
        return block;
    }

    /** Loaded once per JVM from a temporary copy (libtorch reads modules from files). */
    private static Model load() {
        Model m = Model.newInstance("autograd", Device.cpu(), "PyTorch");
        try {
            Path dir = Files.createTempDirectory("eigenstudy-autograd");
            Path file = dir.resolve(RESOURCE);
            try (InputStream in = Autograd.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the classpath");
                }
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            m.load(dir, "autograd");
            Files.delete(file);
            Files.delete(dir);
            return m;
        } catch (IOException e) {
            m.close();
            throw new UncheckedIOException(e);
        } catch (MalformedModelException | RuntimeException e) {
            m.close();
            throw new IllegalStateException("cannot load " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
