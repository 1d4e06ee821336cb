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

    /** A POST to {@code path} carrying {@code bytes} as the file {@code name} in {@code field}. */
    public static RequestSpecification file(String path, String field, byte[] bytes, String name) {
        String boundary = "eigenstudy-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(
                ("--"
                                + boundary
                                + "\r\nContent-Disposition: form-data; name=\""
                                + field
                                + "\"; filename=\""
                                + name
                                + "\"\r\nContent-Type: application/zip\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return given().basePath(path)
                .contentType("multipart/form-data; boundary=" + boundary)
                .body(body.toByteArray());
    }
}
