package org.eigenstudy.geometry.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eigenstudy.geometry.analysis.Eigen;
import org.eigenstudy.geometry.analysis.Homogeneity;
import org.eigenstudy.geometry.io.Json;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.eigenstudy.geometry.plot.HistogramPlot;
import org.eigenstudy.geometry.survey.RunWriter;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "homogeneity",
        mixinStandardHelpOptions = true,
        description =
                "Metric consistency C^H over all ordered pairs of a Hessians .npy [N, n, n] (e.g. a"
                        + " run's hessians.npy); writes homogeneity.json and homogeneity.png.")
final class HomogeneityCommand implements Callable<Integer> {
    @Option(names = "--hessians", required = true, description = "float64/float32 .npy [N, n, n]")
    Path hessians;

    @Option(names = "--out", required = true, description = "folder to write")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        NpyArray a = Npy.read(hessians);
        if (a.shape().length != 3 || a.shape()[1] != a.shape()[2] || a.shape()[0] < 2) {
            throw new org.eigenstudy.geometry.GeometryException(
                    hessians + " must be [points >= 2, n, n]");
        }
        List<DMatrixRMaj> hs = new ArrayList<>();
        for (int p = 0; p < a.shape()[0]; p++) {
            hs.add(new DMatrixRMaj(a.matrix(p)));
        }
        Homogeneity.Result r = Homogeneity.of(hs, hs.stream().map(Eigen::of).toList());
        Json.write(
                out.resolve("homogeneity.json"), Map.of("homogeneity", RunWriter.homogeneity(r)));
        HistogramPlot.write(
                out.resolve("homogeneity.png"),
                "Metric consistency C^H of " + hessians.getFileName(),
                new String[] {"linear", "log"},
                new double[][] {r.linear().values(), r.log().values()});
        spec.commandLine()
                .getOut()
                .printf(
                        java.util.Locale.ROOT,
                        "C^H log %.4f ± %.4f, linear %.4f ± %.4f (%d pairs, %d NaN)%n",
                        r.log().mean(),
                        r.log().std(),
                        r.linear().mean(),
                        r.linear().std(),
                        r.linear().pairs(),
                        r.linear().nanPairs());
        return 0;
    }
}
