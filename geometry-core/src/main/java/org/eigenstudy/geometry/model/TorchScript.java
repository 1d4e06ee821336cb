package org.eigenstudy.geometry.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.io.NpyArray;

/**
 * A TorchScript module loaded through DJL's PyTorch engine. Loaded with {@code trainParam=true}:
 * otherwise libtorch makes its tensors inference tensors and second derivatives fail.
 */
public final class TorchScript implements AutoCloseable {
    private final Model model;
    private final Block block;
    private final Path file;

    private TorchScript(Model model, Path file) {
        this.model = model;
        this.block = model.getBlock();
        this.file = file;
    }

    public static TorchScript load(Path file, Device device) {
        // The profiling executor re-optimises for every new batch shape, which costs seconds
        // per chunk size and gains nothing for these short, differentiated runs.
        JniUtils.setGraphExecutorOptimize(false);
        String fileName = file.getFileName().toString();
        String prefix =
                fileName.endsWith(".pt") ? fileName.substring(0, fileName.length() - 3) : fileName;
        Model model = Model.newInstance(prefix, device, "PyTorch");
        try {
            model.load(file.toAbsolutePath().getParent(), prefix, Map.of("trainParam", "true"));
            // Gradients are wanted for the latent input only: weights that require grad would make
            // every backward also compute (and, with create_graph, leak) weight gradients.
            model.getBlock()
                    .getParameters()
                    .forEach(p -> p.getValue().getArray().setRequiresGradient(false));
            return new TorchScript(model, file);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new GeometryException(
                    "model file " + file + " is corrupt or not TorchScript (" + reason(e) + ")", e);
        }
    }

    /**
     * The informative line of a libtorch error: its "...Error: ..." line (TorchScript puts a
     * traceback first), else the first line.
     */
    public static String reason(Exception e) {
        String message = String.valueOf(e.getMessage());
        return message.lines()
                .filter(l -> l.contains("Error: "))
                .reduce((a, b) -> b)
                .orElse(message.lines().findFirst().orElse(""))
                .trim();
    }

    /** Runs the module on one input; {@code training} only switches gradient recording on. */
    public NDArray forward(NDManager manager, NDArray input, boolean training) {
        NDList out = block.forward(new ParameterStore(manager, false), new NDList(input), training);
        return out.singletonOrThrow();
    }

    /**
     * Runs the module's method {@code name} (e.g. a generator's {@code jvp}) on arrays; its
     * outputs, a tuple flattened. {@code training} only switches gradient recording on.
     */
    public NDList method(NDManager manager, String name, boolean training, NDArray... arguments) {
        return method((PtSymbolBlock) block, manager, name, training, arguments);
    }

    /**
     * {@link #method} on any loaded block, its outputs attached to {@code manager}. DJL passes only
     * arrays to a module method and picks the method by a leading marker array's name; it also
     * reads argument names ("a.b" → dict entry, "x[]" → list), so the arguments go unnamed and get
     * their names back afterwards.
     */
    public static NDList method(
            PtSymbolBlock block,
            NDManager manager,
            String name,
            boolean training,
            NDArray... arguments) {
        try (NDManager call = manager.newSubManager()) {
            NDArray marker = call.create(0f);
            marker.setName("module_method:" + name);
            String[] names = new String[arguments.length];
            NDList inputs = new NDList(marker);
            for (int i = 0; i < arguments.length; i++) {
                names[i] = arguments[i].getName();
                arguments[i].setName(null);
                inputs.add(arguments[i]);
            }
            try {
                NDList out = IValueUtils.forward(block, inputs, training);
                out.attach(manager);
                return out;
            } finally {
                for (int i = 0; i < arguments.length; i++) {
                    arguments[i].setName(names[i]);
                }
            }
        }
    }

    /**
     * The parameter {@code name} (as TorchScript names it, e.g. {@code net.0.weight}) widened to
     * float64, for methods that read weights (SeFa); empty when the module has no such parameter.
     */
    public java.util.Optional<NpyArray> parameter(String name) {
        return block.getParameters().stream()
                .filter(p -> p.getKey().equals(name))
                .findFirst()
                .map(
                        p -> {
                            NDArray array = p.getValue().getArray();
                            long[] dims = array.getShape().getShape();
                            int[] shape = new int[dims.length];
                            for (int i = 0; i < dims.length; i++) {
                                shape[i] = Math.toIntExact(dims[i]);
                            }
                            try (NDArray wide =
                                    array.toType(ai.djl.ndarray.types.DataType.FLOAT64, true)) {
                                return new NpyArray(shape, wide.toDoubleArray());
                            }
                        });
    }

    /** The names of the module's parameters, in the module's order. */
    public java.util.List<String> parameterNames() {
        return block.getParameters().keys();
    }

    public NDManager manager() {
        return model.getNDManager();
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        model.close();
    }
}
