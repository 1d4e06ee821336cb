package org.eigenstudy.geometry.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import org.eigenstudy.geometry.GeometryException;

/** {@code cpu}, {@code gpu} (fails when DJL sees none) or {@code auto} (GPU when there is one). */
public enum DeviceChoice {
    CPU,
    GPU,
    AUTO;

    public static DeviceChoice parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GeometryException("device must be cpu, gpu or auto, not '" + text + "'");
        }
    }

    /** The DJL device this choice means on this machine. */
    public Device resolve() {
        int gpus = Engine.getEngine("PyTorch").getGpuCount();
        return switch (this) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new GeometryException(
                            "GPU requested but the PyTorch engine sees none (use --device cpu or auto)");
                }
                yield Device.gpu();
            }
        };
    }
}
