package org.eigenstudy.geometry.cli;

import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.distance.ImageMetric;
import org.eigenstudy.geometry.hessian.ExactHessian;
import org.eigenstudy.geometry.hessian.HessianSettings;
import org.eigenstudy.geometry.hessian.HvpMode;
import picocli.CommandLine.Option;

/** How each Hessian is computed. */
final class MethodOptions {
    @Option(
            names = "--method",
            defaultValue = "exact",
            description = "exact | fd-jacobian | lanczos | serial (default: ${DEFAULT-VALUE})")
    String method;

    @Option(
            names = "--batch",
            defaultValue = "64",
            description =
                    "Jacobian columns per pass (exact: copies of z0 in reverse mode, tangents"
                            + " in forward mode) or codes per forward batch (fd-jacobian); bounds"
                            + " memory (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(
            names = "--memory-mb",
            description =
                    "exact on CPU: choose --batch as the largest that keeps the peak memory of a"
                            + " pass within this budget (measured by two probe passes)")
    Long memoryMb;

    @Option(
            names = "--epsilon",
            description =
                    "finite-difference step (fd-jacobian default 1e-3; lanczos forward HVP 1e-3)")
    Double epsilon;

    @Option(
            names = "--k",
            defaultValue = "20",
            description = "lanczos: eigenpairs to keep (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--steps", description = "lanczos: HVPs (default min(n, max(2k+10, 30)))")
    Integer steps;

    @Option(names = "--hvp", defaultValue = "backward", description = "lanczos: backward | forward")
    String hvp;

    HessianSettings settings(long seed) {
        return new HessianSettings(method, batch, epsilon, k, steps, HvpMode.parse(hvp), seed);
    }

    /** The settings with --batch replaced by what fits --memory-mb, when that applies. */
    HessianSettings planned(HessianSettings s, ImageMetric metric, float[] z0) {
        if (memoryMb == null || !s.method().equals("exact")) {
            return s;
        }
        if (!metric.generator().device().equals(ai.djl.Device.cpu())) {
            throw new GeometryException("--memory-mb measures host memory; on a GPU set --batch");
        }
        int chunk = ExactHessian.chunkForBudget(metric, z0, memoryMb * 1024 * 1024);
        return new HessianSettings(
                s.method(), chunk, s.epsilon(), s.k(), s.steps(), s.hvp(), s.seed());
    }
}
