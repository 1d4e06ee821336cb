package org.eigenstudy.geometry;

/**
 * A problem the user can fix (bad model file, wrong dimension, non-finite output, missing GPU). The
 * message is one line so the CLI can print it verbatim and exit non-zero.
 */
public class GeometryException extends RuntimeException {
    public GeometryException(String message) {
        super(message);
    }

    public GeometryException(String message, Throwable cause) {
        super(message, cause);
    }
}
