package org.eigenstudy.geometry.cli;

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
                    "copies of z0 per double-backprop pass (exact) or codes per forward batch"
                            + " (fd-jacobian); bounds memory (default: ${DEFAULT-VALUE})")
    int batch;

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
}
