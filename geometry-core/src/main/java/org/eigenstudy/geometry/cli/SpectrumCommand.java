package org.eigenstudy.geometry.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eigenstudy.geometry.analysis.Anisotropy;
import org.eigenstudy.geometry.analysis.Spectrum;
import org.eigenstudy.geometry.io.Json;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.eigenstudy.geometry.plot.LogSpectrumPlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "spectrum",
        mixinStandardHelpOptions = true,
        description =
                "Spectrum mean, 5-95 %% band and anisotropy dims of an eigenvalues .npy [N, k]"
                        + " (e.g. a run's eigenvalues.npy); writes spectrum.json and spectrum.png.")
final class SpectrumCommand implements Callable<Integer> {
    @Option(names = "--eigenvalues", required = true, description = "float64/float32 .npy [N, k]")
    Path eigenvalues;

    @Option(names = "--out", required = true, description = "folder to write")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        NpyArray a = Npy.read(eigenvalues);
        if (a.shape().length != 2) {
            throw new org.eigenstudy.geometry.GeometryException(
                    eigenvalues + " must be 2-d [points, eigenvalues]");
        }
        int k = a.shape()[1];
        List<double[]> spectra = new ArrayList<>();
        for (int p = 0; p < a.shape()[0]; p++) {
            double[] row = new double[k];
            System.arraycopy(a.data(), p * k, row, 0, k);
            java.util.Arrays.sort(row);
            for (int i = 0; i < k / 2; i++) {
                double t = row[i];
                row[i] = row[k - 1 - i];
                row[k - 1 - i] = t;
            }
            spectra.add(row);
        }
        Spectrum s = Spectrum.of(spectra);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("points", spectra.size());
        m.put("mean", s.mean());
        m.put("p05", s.p05());
        m.put("p95", s.p95());
        m.put("anisotropy_thresholds", Anisotropy.THRESHOLDS);
        m.put("anisotropy_dims_mean_spectrum", Anisotropy.dims(s.mean(), Anisotropy.THRESHOLDS));
        Json.write(out.resolve("spectrum.json"), m);
        LogSpectrumPlot.write(
                out.resolve("spectrum.png"), s, "Spectrum of " + eigenvalues.getFileName());
        spec.commandLine().getOut().println("wrote " + out.resolve("spectrum.json"));
        return 0;
    }
}
