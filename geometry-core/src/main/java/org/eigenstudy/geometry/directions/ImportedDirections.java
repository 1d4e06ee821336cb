package org.eigenstudy.geometry.directions;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.eigenstudy.studyconfig.manifest.Sha256;

/**
 * A researcher's own directions (InterFaceGAN boundaries, another method's output): a {@code .npy}
 * array [count, dim] (float32 or float64, C order) or a CSV file with one direction per row,
 * optionally led by its label ({@code smile,0.01,-0.2,...}; {@code #} starts a comment). Labels of
 * a {@code .npy} file come from {@code <name>.labels.txt} beside it, one per line, when it exists.
 * Every vector must have the latent space's size and a length; it is normalised. {@link
 * #read(Path)} reads a file before its space is known (the platform checks uploads with it): every
 * vector must then be as long as the first.
 */
public final class ImportedDirections {

    private static final CsvMapper CSV =
            CsvMapper.builder()
                    .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                    .enable(CsvParser.Feature.ALLOW_COMMENTS)
                    .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                    .enable(CsvParser.Feature.TRIM_SPACES)
                    .build();

    private ImportedDirections() {}

    /** The file's directions, every one of {@code dim} values. */
    public static DirectionSet read(Path file, int dim) {
        return read(file, dim, " values; the latent space has ");
    }

    /** The file's directions, every one as long as the first (whose length is the set's dim). */
    public static DirectionSet read(Path file) {
        return read(file, -1, " values; the first direction has ");
    }

    private static DirectionSet read(Path file, int expected, String sizeMessage) {
        String name = file.getFileName().toString();
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        List<String> labels = new ArrayList<>();
        Optional<Path> labelsFile = labelsFile(file);
        List<double[]> rows =
                name.endsWith(".npy")
                        ? npyRows(file, labelsFile, labels, stem)
                        : csvRows(file, labels, stem);
        if (rows.isEmpty()) {
            throw new GeometryException(file + " holds no direction");
        }
        int dim = expected < 0 ? rows.get(0).length : expected;
        List<Direction> out = new ArrayList<>(rows.size());
        for (int k = 0; k < rows.size(); k++) {
            double[] row = rows.get(k);
            String where = file + " direction " + (k + 1) + " (" + labels.get(k) + ")";
            if (row.length != dim) {
                throw new GeometryException(where + " has " + row.length + sizeMessage + dim);
            }
            for (double x : row) {
                if (!Double.isFinite(x)) {
                    throw new GeometryException(where + " has a value that is not a finite number");
                }
            }
            try {
                out.add(new Direction(labels.get(k), UnitVectors.normalised(row, where), null));
            } catch (IllegalArgumentException zero) {
                throw new GeometryException(zero.getMessage());
            }
        }
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("file", name);
        provenance.put("sha256", sha256(file));
        labelsFile.ifPresent(given -> provenance.put("labels_sha256", sha256(given)));
        return new DirectionSet("imported", out, provenance);
    }

    /**
     * The labels file of a {@code .npy} file ({@code <stem>.labels.txt} beside it), when it exists:
     * part of the directions' content, so whatever pins the vectors by hash pins it too.
     */
    public static Optional<Path> labelsFile(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".npy")) {
            return Optional.empty();
        }
        Path sidecar = file.resolveSibling(name.substring(0, name.length() - 4) + ".labels.txt");
        return Files.isRegularFile(sidecar) ? Optional.of(sidecar) : Optional.empty();
    }

    private static List<double[]> npyRows(
            Path file, Optional<Path> labelsFile, List<String> labels, String stem) {
        NpyArray array = Npy.read(file);
        int[] shape = array.shape();
        if (shape.length != 2) {
            throw new GeometryException(
                    file + " must be a 2-d array [count, dim], not " + shape.length + "-d");
        }
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < shape[0]; k++) {
            double[] row = new double[shape[1]];
            System.arraycopy(array.data(), k * shape[1], row, 0, shape[1]);
            rows.add(row);
        }
        List<String> given = new ArrayList<>();
        if (labelsFile.isPresent()) {
            Path sidecar = labelsFile.get();
            try {
                Files.readAllLines(sidecar, StandardCharsets.UTF_8).stream()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .forEach(given::add);
            } catch (IOException e) {
                throw new GeometryException("cannot read " + sidecar + ": " + e.getMessage());
            }
            if (given.size() != rows.size()) {
                throw new GeometryException(
                        sidecar
                                + " has "
                                + given.size()
                                + " labels for "
                                + rows.size()
                                + " directions");
            }
        }
        for (int k = 0; k < rows.size(); k++) {
            labels.add(given.isEmpty() ? stem + "-" + (k + 1) : given.get(k));
        }
        return rows;
    }

    private static List<double[]> csvRows(Path file, List<String> labels, String stem) {
        List<double[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> it =
                CSV.readerFor(String[].class).readValues(file.toFile())) {
            int line = 0;
            while (it.hasNext()) {
                String[] fields = it.next();
                line++;
                boolean labelled = fields.length > 0 && !isNumber(fields[0]);
                double[] row = new double[fields.length - (labelled ? 1 : 0)];
                for (int i = 0; i < row.length; i++) {
                    String field = fields[i + (labelled ? 1 : 0)];
                    if (!isNumber(field)) {
                        throw new GeometryException(
                                file + " row " + line + ": '" + field + "' is not a number");
                    }
                    row[i] = Double.parseDouble(field);
                }
                labels.add(labelled ? fields[0] : stem + "-" + (rows.size() + 1));
                rows.add(row);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof GeometryException g) {
                throw g;
            }
            throw new GeometryException("cannot read " + file + " as CSV: " + e.getMessage());
        }
        return rows;
    }

    private static boolean isNumber(String field) {
        try {
            Double.parseDouble(field);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String sha256(Path file) {
        try {
            return Sha256.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new GeometryException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
