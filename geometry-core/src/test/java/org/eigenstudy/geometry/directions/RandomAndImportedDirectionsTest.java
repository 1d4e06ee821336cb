package org.eigenstudy.geometry.directions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random directions are unit vectors, isotropic (their second moment is I/d) and reproducible per
 * index; imported ones keep their labels, are normalised, and a file of the wrong size or without a
 * direction is refused with a message naming the row.
 */
class RandomAndImportedDirectionsTest {

    @TempDir Path dir;

    @Test
    void randomDirectionsAreIsotropicUnitVectors() {
        int d = 6;
        int count = 6000;
        DirectionSet set = RandomDirections.draw(d, count, 42);
        double[][] moment = new double[d][d];
        for (Direction v : set.directions()) {
            assertEquals(1.0, UnitVectors.norm(v.vector()), 1e-12);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    moment[i][j] += v.vector()[i] * v.vector()[j] / count;
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                // E[v v^T] = I/d on the sphere; 6000 draws: standard error about 0.003.
                assertEquals(i == j ? 1.0 / d : 0.0, moment[i][j], 0.015, i + "," + j);
            }
        }
        DirectionSet fewer = RandomDirections.draw(d, 3, 42);
        assertArrayEquals(set.directions().get(2).vector(), fewer.directions().get(2).vector());
        assertEquals(42L, fewer.provenance().get("seed"));
    }

    @Test
    void csvWithLabelsAndCommentsIsReadAndNormalised() throws IOException {
        Path csv = dir.resolve("boundaries.csv");
        Files.writeString(csv, "# InterFaceGAN normals\nsmile,3,4,0\n0,0,2\n");
        DirectionSet set = ImportedDirections.read(csv, 3);
        assertEquals("imported", set.method());
        assertEquals(
                List.of("smile", "boundaries-2"),
                set.directions().stream().map(Direction::label).toList());
        assertArrayEquals(new double[] {0.6, 0.8, 0}, set.directions().get(0).vector(), 1e-15);
        assertArrayEquals(new double[] {0, 0, 1}, set.directions().get(1).vector(), 1e-15);
        assertEquals("boundaries.csv", set.provenance().get("file"));
        assertEquals(64, ((String) set.provenance().get("sha256")).length());
    }

    @Test
    void npyWithLabelFileIsRead() throws IOException {
        Path npy = dir.resolve("mine.npy");
        Npy.write(npy, new NpyArray(new int[] {2, 2}, new double[] {1, 1, 0, -2}), true);
        Files.writeString(dir.resolve("mine.labels.txt"), "diagonal\ndown\n");
        DirectionSet set = ImportedDirections.read(npy, 2);
        assertEquals("diagonal", set.directions().get(0).label());
        assertArrayEquals(
                new double[] {Math.sqrt(0.5), Math.sqrt(0.5)},
                set.directions().get(0).vector(),
                1e-7);
        assertArrayEquals(new double[] {0, -1}, set.directions().get(1).vector(), 1e-15);
        assertEquals(
                org.eigenstudy.studyconfig.manifest.Sha256.of(
                        Files.readAllBytes(dir.resolve("mine.labels.txt"))),
                set.provenance().get("labels_sha256"));
    }

    @Test
    void wrongSizesAndEmptyVectorsAreRefused() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "a,1,2,3\nb,1,2\n");
        GeometryException size =
                assertThrows(GeometryException.class, () -> ImportedDirections.read(csv, 3));
        assertTrue(
                size.getMessage().contains("direction 2 (b) has 2 values; the latent space has 3"),
                size.getMessage());
        Files.writeString(csv, "z,0,0,0\n");
        GeometryException zero =
                assertThrows(GeometryException.class, () -> ImportedDirections.read(csv, 3));
        assertTrue(zero.getMessage().contains("has no direction"), zero.getMessage());
        Files.writeString(csv, "a,1,x,3\n");
        GeometryException text =
                assertThrows(GeometryException.class, () -> ImportedDirections.read(csv, 3));
        assertTrue(text.getMessage().contains("'x' is not a number"), text.getMessage());
        Path npy = dir.resolve("cube.npy");
        Npy.write(npy, new NpyArray(new int[] {1, 1, 2}, new double[] {1, 2}), false);
        assertThrows(GeometryException.class, () -> ImportedDirections.read(npy, 2));
    }
}
