package org.eigenstudy.backend.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The login cookie is Secure behind TLS: the setting, else the public address, decides. */
class SecureCookiesTest {

    @Test
    void theSettingWinsElseAnHttpsPublicAddressMeansSecure() {
        assertTrue(SecureCookies.enabled(Optional.empty(), "https://eigenstudy.example.org"));
        assertTrue(SecureCookies.enabled(Optional.empty(), "HTTPS://eigenstudy.example.org"));
        assertFalse(SecureCookies.enabled(Optional.empty(), "http://localhost:8080"));
        assertFalse(SecureCookies.enabled(Optional.empty(), null));
        assertTrue(SecureCookies.enabled(Optional.of(true), "http://localhost:8080"));
        assertFalse(SecureCookies.enabled(Optional.of(false), "https://eigenstudy.example.org"));
    }

    @Test
    void cookiesTheAnswerSetsBecomeSecureAndCookiesTheBrowserSentAreNotSentBack() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            router.route()
                    .handler(
                            ctx -> {
                                ctx.addHeadersEndHandler(
                                        v ->
                                                SecureCookies.markSecure(
                                                        ctx.request(), "eigenstudy-session"));
                                ctx.next();
                            });
            router.post("/login")
                    .handler(
                            ctx -> {
                                ctx.response()
                                        .addCookie(
                                                Cookie.cookie("eigenstudy-session", "fresh")
                                                        .setPath("/")
                                                        .setHttpOnly(true));
                                ctx.response().addCookie(Cookie.cookie("other", "x").setPath("/"));
                                ctx.end();
                            });
            router.get("/read").handler(ctx -> ctx.end());
            HttpServer server =
                    vertx.createHttpServer()
                            .requestHandler(router)
                            .listen(0, "127.0.0.1")
                            .toCompletionStage()
                            .toCompletableFuture()
                            .get(10, TimeUnit.SECONDS);
            String base = "http://127.0.0.1:" + server.actualPort();
            HttpClient client = HttpClient.newHttpClient();

            List<String> set =
                    client.send(
                                    HttpRequest.newBuilder(URI.create(base + "/login"))
                                            .header("Cookie", "eigenstudy-session=planted")
                                            .POST(HttpRequest.BodyPublishers.noBody())
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .headers()
                            .allValues("Set-Cookie");
            String session =
                    set.stream()
                            .filter(c -> c.startsWith("eigenstudy-session="))
                            .findFirst()
                            .orElseThrow();
            assertTrue(session.startsWith("eigenstudy-session=fresh;"), session);
            assertTrue(session.contains("Secure"), session);
            assertTrue(session.contains("HTTPOnly") || session.contains("HttpOnly"), session);
            assertEquals(2, set.size(), set.toString());
            String other =
                    set.stream().filter(c -> c.startsWith("other=")).findFirst().orElseThrow();
            assertFalse(other.contains("Secure"), "only the login cookie is meant: " + other);

            List<String> read =
                    client.send(
                                    HttpRequest.newBuilder(URI.create(base + "/read"))
                                            .header("Cookie", "eigenstudy-session=sent")
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .headers()
                            .allValues("Set-Cookie");
            assertEquals(List.of(), read);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
