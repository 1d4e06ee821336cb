package org.eigenstudy.backend.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** NumPy .npy files as a researcher's tools write them, for direction-file uploads. */
public final class NpyFiles {

    private NpyFiles() {}

    /** A float64 .npy [rows, dim] (version 1.0, little-endian, C order) of {@code value}. */
    public static byte[] float64(int rows, int dim, double value) {
        String dict =
                "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows + ", " + dim + "), }";
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer out =
                ByteBuffer.allocate(10 + header.length() + 8 * rows * dim)
                        .order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII));
        out.put((byte) 1).put((byte) 0).putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < rows * dim; i++) {
            out.putDouble(value);
        }
        return out.array();
    }
}
