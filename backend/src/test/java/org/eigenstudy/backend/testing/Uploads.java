package org.eigenstudy.backend.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Multipart file uploads with their Content-Length, as browsers and curl send them (RestAssured's
 * own multipart is chunked, which the upload routes refuse with 411).
 */
public final class Uploads {

    private Uploads() {}

    /** One file of a multipart form: its form field, file name and bytes. */
    public record Part(String field, String name, byte[] bytes) {}

    /** A POST to {@code path} carrying {@code bytes} as the file {@code name} in {@code field}. */
    public static RequestSpecification file(String path, String field, byte[] bytes, String name) {
        return files(path, new Part(field, name, bytes));
    }

    /** A POST to {@code path} carrying every part, in order. */
    public static RequestSpecification files(String path, Part... parts) {
        String boundary = "eigenstudy-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            body.writeBytes(
                    ("--"
                                    + boundary
                                    + "\r\nContent-Disposition: form-data; name=\""
                                    + part.field()
                                    + "\"; filename=\""
                                    + part.name()
                                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(part.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return given().basePath(path)
                .contentType("multipart/form-data; boundary=" + boundary)
                .body(body.toByteArray());
    }
}
