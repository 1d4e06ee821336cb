package org.eigenstudy.geometry;

import ai.djl.Device;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.eigenstudy.geometry.distance.Equalized;
import org.eigenstudy.geometry.distance.FeatureMap;
import org.eigenstudy.geometry.distance.PixelMse;
import org.eigenstudy.geometry.distance.TorchScriptFeatureMap;
import org.eigenstudy.geometry.model.ModelCard;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/** Locates the committed fixtures (geometry-core/python/fixtures/make_fixtures.py) and compares. */
public final class Fixtures {
    private Fixtures() {}

    public static Path dir(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path card(String name) {
        return dir(name).resolve("model-card.json");
    }

    /** ‖A − B‖_F / ‖B‖_F. */
    public static double relativeError(DMatrixRMaj actual, DMatrixRMaj expected) {
        DMatrixRMaj diff = new DMatrixRMaj(expected.numRows, expected.numCols);
        CommonOps_DDRM.subtract(actual, expected, diff);
        return NormOps_DDRM.normF(diff) / NormOps_DDRM.normF(expected);
    }

    /**
     * The distance a fixture reference was computed with: {@code mse}, {@code equalized} (MSE after
     * brightness/contrast equalisation) or {@code tinyfeat} (the TorchScript feature-map fixture).
     */
    public static FeatureMap featureMap(String distance, ModelCard card) {
        return switch (distance) {
            case "mse" -> new PixelMse();
            case "equalized" -> new Equalized(new PixelMse());
            case "tinyfeat" ->
                    TorchScriptFeatureMap.load(
                            dir("tinyfeat").resolve("feature-map-card.json"),
                            card.valueRange(),
                            Device.cpu());
            default -> throw new IllegalArgumentException("no fixture distance " + distance);
        };
    }
}
