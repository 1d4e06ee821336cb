package org.eigenstudy.geometry.distance;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.io.ModelFiles;
import org.eigenstudy.geometry.model.TorchScript;
import org.eigenstudy.geometry.ndarray.OwnedArrays;

/**
 * A feature map exported to TorchScript with a {@code feature-map-card.json} (e.g. LPIPS: images in
 * [−1, 1] → flat features with ‖φ(x) − φ(y)‖² = LPIPS(x, y)). Images are mapped linearly from the
 * generator's value range to the card's {@code input_range} first.
 */
public final class TorchScriptFeatureMap implements FeatureMap {
    public static final String SCHEMA = "eigenstudy-feature-map/1";
    private final TorchScript module;
    private final String name;
    private final float scale;
    private final float offset;

    private TorchScriptFeatureMap(TorchScript module, String name, float scale, float offset) {
        this.module = module;
        this.name = name;
        this.scale = scale;
        this.offset = offset;
    }

    /** Loads the card's module; {@code valueRange} is the range of the images it will be fed. */
    public static TorchScriptFeatureMap load(Path card, double[] valueRange, Device device) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(card.toFile());
        } catch (IOException e) {
            throw new GeometryException(
                    "cannot read feature-map card " + card + ": " + e.getMessage());
        }
        if (!SCHEMA.equals(root.path("schema").asText())) {
            throw new GeometryException("feature-map card " + card + ": schema must be " + SCHEMA);
        }
        String moduleName = root.path("module").asText();
        Path file = card.toAbsolutePath().getParent().resolve(moduleName);
        ModelFiles.verify(file, root.path("files").path(moduleName).path("sha256").asText(null));
        JsonNode in = root.path("input_range");
        double lo = in.isArray() ? in.get(0).asDouble() : -1;
        double hi = in.isArray() ? in.get(1).asDouble() : 1;
        double scale = (hi - lo) / (valueRange[1] - valueRange[0]);
        double offset = lo - valueRange[0] * scale;
        return new TorchScriptFeatureMap(
                TorchScript.load(file, device),
                root.path("name").asText(moduleName),
                (float) scale,
                (float) offset);
    }

    @Override
    public NDArray apply(NDManager manager, NDArray images, boolean training) {
        NDArray input =
                scale == 1f && offset == 0f
                        ? images
                        : images.mul(OwnedArrays.scalar(manager, scale))
                                .add(OwnedArrays.scalar(manager, offset));
        NDArray out = module.forward(manager, input, training);
        return out.reshape(out.getShape().get(0), -1);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        module.close();
    }
}
