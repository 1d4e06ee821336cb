package org.eigenstudy.geometry.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.eigenstudy.geometry.GeometryException;

/**
 * One latent space of a model card as a function z [B, dim] → images [B, C, H, W]. Not thread-safe:
 * use one per thread (libtorch modules are, but gradient recording in DJL is JVM-global).
 */
public final class Generator implements AutoCloseable {
    private final ModelCard card;
    private final LatentSpace space;
    private final TorchScript module;

    private Generator(ModelCard card, LatentSpace space, TorchScript module) {
        this.card = card;
        this.space = space;
        this.module = module;
    }

    /** Loads the module of {@code spaceName}, checking the file against the card first. */
    public static Generator open(ModelCard card, String spaceName, DeviceChoice device) {
        return open(card, card.space(spaceName), device);
    }

    /**
     * Loads the W+ module of {@code spaceName} (the card's {@code spaces[].wplus}) as a generator
     * of codes [B, layers · dim], named {@code <space>+}; an error naming the card when it has
     * none.
     */
    public static Generator openWPlus(ModelCard card, String spaceName, DeviceChoice device) {
        LatentSpace space = card.space(spaceName);
        LatentSpace.WPlus wplus = space.wplus();
        if (wplus == null) {
            throw new GeometryException(
                    "model " + card.name() + " has no W+ module for space " + spaceName);
        }
        LatentSpace layered =
                new LatentSpace(
                        spaceName + "+",
                        wplus.dim(space.dim()),
                        space.prior(),
                        space.exploration(),
                        wplus.module(),
                        List.of(),
                        null,
                        null,
                        null,
                        false);
        return open(card, layered, device);
    }

    private static Generator open(ModelCard card, LatentSpace space, DeviceChoice device) {
        Generator generator =
                new Generator(
                        card, space, TorchScript.load(card.moduleFile(space), device.resolve()));
        try {
            generator.probe();
            return generator;
        } catch (RuntimeException e) {
            generator.close();
            throw e;
        }
    }

    /**
     * One forward pass at z = 0 so that a module whose input size differs from the card fails here
     * with a clear message, not deep inside a Hessian with a libtorch shape error.
     */
    private void probe() {
        try (NDManager manager = newManager();
                NoGrad noGrad = new NoGrad()) {
            forward(manager, manager.zeros(new Shape(1, space.dim())), false);
        } catch (ai.djl.engine.EngineException e) {
            throw new GeometryException(
                    "generator "
                            + module.file()
                            + " does not accept codes of dimension "
                            + space.dim()
                            + " that its card declares for space "
                            + space.name()
                            + " ("
                            + TorchScript.reason(e)
                            + ")",
                    e);
        }
    }

    /**
     * Images for the codes {@code z} [B, dim] (float32). Records gradients when called inside a
     * gradient scope (see the hessian package) with {@code training} true.
     */
    public NDArray forward(NDManager manager, NDArray z, boolean training) {
        Shape shape = z.getShape();
        if (shape.dimension() != 2 || shape.get(1) != space.dim()) {
            throw new GeometryException(
                    "latent codes have shape "
                            + shape
                            + " but space "
                            + space.name()
                            + " of "
                            + card.name()
                            + " has dimension "
                            + space.dim());
        }
        NDArray images = module.forward(manager, z, training);
        Shape out = images.getShape();
        if (out.dimension() != 4 || out.get(0) != shape.get(0) || out.get(1) != card.channels()) {
            throw new GeometryException(
                    "generator "
                            + module.file()
                            + " returned shape "
                            + out
                            + ", expected [B, "
                            + card.channels()
                            + ", H, W]");
        }
        return images;
    }

    /**
     * Images G(z0) [1, C, H, W] and their tangents ∂G(z0)·v [K, C, H, W] for one code z0 [1, dim]
     * and tangents v [K, dim], by the module's forward-mode method (no gradient recorded); only for
     * a space whose card says {@code jvp}.
     */
    public NDList jvp(NDManager manager, NDArray z0, NDArray v) {
        if (!space.jvp()) {
            throw new IllegalStateException("space " + space.name() + " has no jvp method");
        }
        NDList out = module.method(manager, "jvp", false, z0, v);
        if (out.size() != 2 || out.get(1).getShape().get(0) != v.getShape().get(0)) {
            throw new GeometryException(
                    "generator "
                            + module.file()
                            + ": jvp must return (images, tangents) with one tangent per row of v");
        }
        return out;
    }

    /** Convenience for callers without NDArrays: images of the codes as float32 [B][C*H*W]. */
    public float[][] images(float[][] codes) {
        try (NDManager manager = newManager();
                NoGrad noGrad = new NoGrad()) {
            NDArray images = forward(manager, manager.create(codes), false);
            NonFinite.check(images, "generator " + card.name());
            int b = codes.length;
            float[] flat = images.toFloatArray();
            int per = flat.length / b;
            float[][] result = new float[b][per];
            for (int i = 0; i < b; i++) {
                System.arraycopy(flat, i * per, result[i], 0, per);
            }
            return result;
        }
    }

    /** A scope for the arrays of one computation; close it to free them. */
    public NDManager newManager() {
        return module.manager().newSubManager();
    }

    public Device device() {
        return module.manager().getDevice();
    }

    public ModelCard card() {
        return card;
    }

    public LatentSpace space() {
        return space;
    }

    public int dim() {
        return space.dim();
    }

    /** A weight of the module, by its TorchScript name (for SeFa); empty when there is none. */
    public java.util.Optional<org.eigenstudy.geometry.io.NpyArray> parameter(String name) {
        return module.parameter(name);
    }

    /** The module's parameter names, in its order. */
    public java.util.List<String> parameterNames() {
        return module.parameterNames();
    }

    @Override
    public void close() {
        module.close();
    }
}
