package org.eigenstudy.geometry.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eigenstudy.geometry.Fixtures;
import org.eigenstudy.geometry.GeometryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @TempDir Path dir;

    @Test
    void roundTripsFloat64AndFloat32() {
        NpyArray a = new NpyArray(new int[] {2, 3}, new double[] {1, -2.5, 1e-300, 4, 5, Math.PI});
        Npy.write(dir.resolve("a.npy"), a, false);
        NpyArray back = Npy.read(dir.resolve("a.npy"));
        assertArrayEquals(a.shape(), back.shape());
        assertArrayEquals(a.data(), back.data(), 0);
        Npy.write(dir.resolve("b.npy"), a, true);
        NpyArray b32 = Npy.read(dir.resolve("b.npy"));
        assertEquals((float) Math.PI, b32.data()[5], 0);
    }

    @Test
    void readsFilesWrittenByNumpy() {
        // make_fixtures.py saves z0 as float64 and images as float32 through numpy.save
        NpyArray z0 = Npy.read(Fixtures.dir("conv32").resolve("z0.npy"));
        assertArrayEquals(new int[] {2, 32}, z0.shape());
        NpyArray images = Npy.read(Fixtures.dir("conv32").resolve("images.npy"));
        assertArrayEquals(new int[] {2, 1, 16, 16}, images.shape());
    }

    @Test
    void rejectsNonNpy() throws Exception {
        Files.writeString(dir.resolve("x.npy"), "hello world, not numpy");
        assertThrows(GeometryException.class, () -> Npy.read(dir.resolve("x.npy")));
    }
}
