package org.eigenstudy.geometry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.io.Json;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.ejml.data.DMatrixRMaj;

/**
 * The paper's own exact Hessian as a benchmark row: the authors' public GAN-Geometry code (its
 * {@code hessian_compute(..., hessian_method="BP")}), run from the user's checkout in a Python
 * subprocess on the same TorchScript module, the same codes and the same distance (pixel MSE) as
 * the Java methods. Nothing of that code is part of Eigenstudy: the bundled {@code official_bp.py}
 * only imports it. The subprocess times each Hessian itself after one warm-up call, so interpreter
 * start-up and module loading are not counted against it.
 *
 * @param checkout the user's GAN-Geometry checkout (the folder holding {@code core/})
 * @param python the Python interpreter that has torch and numpy
 * @param module the generator's TorchScript file for the benchmarked space
 * @param threads torch threads in the subprocess (the Java engine's count, for a fair row)
 */
public record OfficialBaseline(Path checkout, String python, Path module, int threads) {

    static final String SCRIPT = "official_bp.py";

    /** The official Hessians of {@code codes} and the seconds each took, in order. */
    public record Result(
            List<DMatrixRMaj> hessians, List<Double> seconds, long peakBytes, String note) {}

    public OfficialBaseline {
        if (!Files.isRegularFile(checkout.resolve("core").resolve("GAN_hessian_compute.py"))) {
            throw new GeometryException(
                    "--official "
                            + checkout
                            + ": not a checkout of the paper's GAN-Geometry code (no"
                            + " core/GAN_hessian_compute.py)");
        }
    }

    public Result run(List<float[]> codes) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("eigenstudy-official");
            Path script = dir.resolve(SCRIPT);
            try (InputStream in = OfficialBaseline.class.getResourceAsStream(SCRIPT)) {
                Files.copy(in, script);
            }
            int n = codes.get(0).length;
            double[] data = new double[codes.size() * n];
            for (int p = 0; p < codes.size(); p++) {
                for (int i = 0; i < n; i++) {
                    data[p * n + i] = codes.get(p)[i];
                }
            }
            Path codeFile = dir.resolve("codes.npy");
            Npy.write(codeFile, new NpyArray(new int[] {codes.size(), n}, data), true);
            Path log = dir.resolve("official.log");
            Process process =
                    new ProcessBuilder(
                                    python,
                                    script.toString(),
                                    "--official",
                                    checkout.toAbsolutePath().toString(),
                                    "--module",
                                    module.toAbsolutePath().toString(),
                                    "--codes",
                                    codeFile.toString(),
                                    "--out",
                                    dir.toString(),
                                    "--threads",
                                    Integer.toString(threads))
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new GeometryException(
                        "the paper's code failed (exit " + exit + "): " + lastLine(log));
            }
            NpyArray h = Npy.read(dir.resolve("hessians.npy"));
            List<DMatrixRMaj> hessians = new ArrayList<>();
            for (int p = 0; p < codes.size(); p++) {
                hessians.add(new DMatrixRMaj(h.matrix(p)));
            }
            JsonNode timing = Json.mapper().readTree(dir.resolve("timing.json").toFile());
            List<Double> seconds = new ArrayList<>();
            timing.get("seconds").forEach(s -> seconds.add(s.asDouble()));
            List<String> standIns = new ArrayList<>();
            timing.get("stand_ins").forEach(s -> standIns.add(s.asText()));
            String note =
                    "the paper's hessian_compute(..., \"BP\") in Python, torch "
                            + timing.get("torch").asText()
                            + ", "
                            + threads
                            + " thread(s), warm"
                            + (standIns.isEmpty()
                                    ? ""
                                    : "; stand-ins for modules BP does not use: "
                                            + String.join(" ", standIns));
            return new Result(hessians, seconds, timing.get("peak_rss_kib").asLong() * 1024, note);
        } catch (IOException e) {
            throw new GeometryException("running the paper's code: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GeometryException("interrupted while the paper's code ran", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1).trim();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind is harmless; the benchmark's numbers are not.
        }
    }
}
