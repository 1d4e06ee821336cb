package org.eigenstudy.backend.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.eigenstudy.browser.WithFrontend;
import org.junit.jupiter.api.Test;

/**
 * What the server sends with the built frontend: HTML pages revalidated on every load, only
 * content-hashed assets cached for good, and text compressed when the client accepts gzip.
 */
@QuarkusTest
@TestProfile(WithFrontend.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ServingTest {

    /** Keeps the body as sent, so the test sees the Content-Encoding the server chose. */
    private static RequestSpecification gzipClient() {
        return given().config(
                        RestAssuredConfig.config()
                                .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip");
    }

    @Test
    void htmlPagesAreRevalidatedAndCompressed() {
        for (String page : new String[] {"/", "/researcher/", "/study/?study=any"}) {
            gzipClient()
                    .get(page)
                    .then()
                    .statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Cache-Control", equalTo("no-cache"))
                    .header("Content-Encoding", equalTo("gzip"));
        }
    }

    @Test
    void hashedAssetsAreImmutableForAYearAndCompressed() {
        String html = given().get("/researcher/").then().statusCode(200).extract().asString();
        Matcher asset = Pattern.compile("/assets/[\\w.-]+-[\\w-]{8}\\.js").matcher(html);
        assertTrue(asset.find(), html);
        gzipClient()
                .get(asset.group())
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("immutable"))
                .header("Cache-Control", containsString("max-age=31536000"))
                .header("Content-Encoding", equalTo("gzip"));
    }

    @Test
    void apiTextIsCompressedAndImagesAreNot() {
        String token = TestApi.tokenFor("serving-test", "researcher");
        long id =
                TestApi.importAndOpen(
                        token, StudyFixture.create("serving", 1, StudyFixture.Design.standard()));
        String base = "/api/researcher/studies/" + id;
        for (String[] text :
                new String[][] {
                    {base, "application/json"},
                    {base + "/exports/stimuli.csv", "text/csv"},
                    {base + "/statistics/plots/magnitude.svg", "image/svg+xml"}
                }) {
            gzipClient()
                    .header("Authorization", "Bearer " + token)
                    .get(text[0])
                    .then()
                    .statusCode(200)
                    .contentType(containsString(text[1]))
                    .header("Content-Encoding", equalTo("gzip"));
        }
        // PNG is compressed already: not in quarkus.http.compress-media-types.
        gzipClient()
                .header("Authorization", "Bearer " + token)
                .get(base + "/statistics/plots/magnitude.png")
                .then()
                .statusCode(200)
                .contentType("image/png")
                .header("Content-Encoding", nullValue());
    }
}
