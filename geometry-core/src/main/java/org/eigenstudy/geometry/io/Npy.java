package org.eigenstudy.geometry.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eigenstudy.geometry.GeometryException;
import org.ejml.data.DMatrixRMaj;

/**
 * NumPy .npy format version 1.0, little-endian, C order: reads {@code <f8} and {@code <f4}, writes
 * {@code <f8} (default) or {@code <f4}. Readable by numpy.load and R's RcppCNPy/reticulate.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private Npy() {}

    public static NpyArray read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new GeometryException("cannot read " + file + ": " + e.getMessage());
        }
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new GeometryException(file + " is not a .npy file");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = bytes[6];
        int headerLength = major == 1 ? Short.toUnsignedInt(buf.getShort(8)) : buf.getInt(8);
        int dataStart = (major == 1 ? 10 : 12) + headerLength;
        String header =
                new String(bytes, major == 1 ? 10 : 12, headerLength, StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shapeText = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shapeText.find()) {
            throw new GeometryException(file + " has an unreadable .npy header");
        }
        if (fortran.group(1).equals("True")) {
            throw new GeometryException(file + " is Fortran-ordered; save it in C order");
        }
        int[] shape =
                Arrays.stream(shapeText.group(1).split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .mapToInt(Integer::parseInt)
                        .toArray();
        double[] data = new double[NpyArray.size(shape)];
        buf.position(dataStart);
        switch (descr.group(1)) {
            case "<f8" -> buf.asDoubleBuffer().get(data);
            case "<f4" -> {
                for (int i = 0; i < data.length; i++) {
                    data[i] = buf.getFloat();
                }
            }
            default ->
                    throw new GeometryException(
                            file
                                    + " holds dtype "
                                    + descr.group(1)
                                    + "; only <f8 and <f4 are read");
        }
        return new NpyArray(shape, data);
    }

    public static void write(Path file, NpyArray array, boolean float32) {
        String shape =
                Arrays.stream(array.shape())
                        .mapToObj(Integer::toString)
                        .collect(
                                Collectors.joining(
                                        ", ", "(", array.shape().length == 1 ? ",)" : ")"));
        String dict =
                "{'descr': '"
                        + (float32 ? "<f4" : "<f8")
                        + "', 'fortran_order': False, 'shape': "
                        + shape
                        + ", }";
        int unpadded = 10 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        int width = float32 ? 4 : 8;
        ByteBuffer buf =
                ByteBuffer.allocate(10 + header.length() + array.data().length * width)
                        .order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        buf.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (double v : array.data()) {
            if (float32) {
                buf.putFloat((float) v);
            } else {
                buf.putDouble(v);
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, buf.array());
        } catch (IOException e) {
            throw new GeometryException("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Stacks equally sized matrices into one [count, rows, cols] float64 file. */
    public static void writeMatrices(Path file, java.util.List<DMatrixRMaj> matrices) {
        int rows = matrices.get(0).numRows;
        int cols = matrices.get(0).numCols;
        double[] data = new double[matrices.size() * rows * cols];
        for (int i = 0; i < matrices.size(); i++) {
            System.arraycopy(matrices.get(i).data, 0, data, i * rows * cols, rows * cols);
        }
        write(file, new NpyArray(new int[] {matrices.size(), rows, cols}, data), false);
    }
}
