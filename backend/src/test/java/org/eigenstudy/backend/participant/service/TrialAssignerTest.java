package org.eigenstudy.backend.participant.service;

import static org.eigenstudy.backend.testing.TestApi.answer;
import static org.eigenstudy.backend.testing.TestApi.participant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eigenstudy.backend.testing.Db;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

/**
 * 50 participants run the whole study at the same time, each answer sent twice at once (a client
 * retry racing the original): every answer is stored exactly once. Starts do not wait for each
 * other, so a start cannot see the assignments of the starts in flight beside it; with at most
 * {@link #STARTS_IN_FLIGHT} starts in flight, the condition cells stay balanced within that many
 * (random assignment would spread them over about 11 here; sequential starts stay within one, see
 * TrialStoreTest).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class TrialAssignerTest {

    static final String SLUG = "concurrent";
    static final int PARTICIPANTS = 50;
    static final int STARTS_IN_FLIGHT = 4;
    private static final Semaphore STARTS = new Semaphore(STARTS_IN_FLIGHT);

    @Test
    void fiftySimultaneousParticipantsAreStoredOnceAndBalanced() throws Exception {
        String researcher = TestApi.tokenFor("concurrent-researcher", "researcher");
        long studyId =
                TestApi.importAndOpen(
                        researcher, StudyFixture.create(SLUG, 4, StudyFixture.Design.standard()));
        ExecutorService participants = Executors.newFixedThreadPool(PARTICIPANTS);
        ExecutorService retries = Executors.newCachedThreadPool();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int p = 0; p < PARTICIPANTS; p++) {
            int number = p;
            runs.add(
                    participants.submit(
                            () -> {
                                go.await();
                                return runParticipant(number, retries);
                            }));
        }
        go.countDown();
        int answered = 0;
        for (Future<Integer> run : runs) {
            answered += run.get(180, TimeUnit.SECONDS);
        }
        participants.shutdown();
        retries.shutdown();
        assertEquals(PARTICIPANTS * 7, answered);
        assertEquals(answered, Db.responses(SLUG));
        assertEquals(
                0,
                Db.count(
                        "SELECT count(*) FROM (SELECT assignment_id FROM response GROUP BY assignment_id"
                                + " HAVING count(*) > 1) d"));
        assertEquals(
                PARTICIPANTS,
                Db.count(
                        "SELECT count(*) FROM participant_session WHERE study_id = ? AND state = 'completed'",
                        studyId));
        List<Map<String, Object>> conditions =
                TestApi.researcher(researcher)
                        .get("/api/researcher/studies/" + studyId + "/progress")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("conditions");
        assertEquals(12, conditions.size());
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (Map<String, Object> condition : conditions) {
            int count = ((Number) condition.get("responses")).intValue();
            assertEquals(((Number) condition.get("assigned")).intValue(), count);
            min = Math.min(min, count);
            max = Math.max(max, count);
        }
        // 50 participants x 6 regular trials over 12 cells: 25 each, give or take the starts in
        // flight (a cell is chosen only if no unchosen cell looked less filled, and what a start
        // could not see is the other starts in flight).
        assertTrue(max - min <= STARTS_IN_FLIGHT, "cell counts from " + min + " to " + max);
        assertEquals(
                PARTICIPANTS * 6,
                conditions.stream().mapToInt(c -> ((Number) c.get("responses")).intValue()).sum());
    }

    private static int runParticipant(int number, ExecutorService retries)
            throws InterruptedException {
        String token;
        STARTS.acquire();
        try {
            token = start(number);
        } finally {
            STARTS.release();
        }
        TestApi.consent(token);
        int total =
                participant()
                        .get("/api/participant/sessions/" + token)
                        .then()
                        .extract()
                        .path("totalTrials");
        for (int index = 0; index < total; index++) {
            Map<String, Object> body = answer(index, index % 3 != 0);
            String clientId = "p" + number + "-trial-" + index;
            CompletableFuture<Integer> first =
                    CompletableFuture.supplyAsync(() -> send(token, clientId, body), retries);
            CompletableFuture<Integer> second =
                    CompletableFuture.supplyAsync(() -> send(token, clientId, body), retries);
            List<Integer> statuses = new ArrayList<>(List.of(first.join(), second.join()));
            statuses.sort(null);
            assertEquals(List.of(200, 201), statuses);
        }
        participant().post("/api/participant/sessions/" + token + "/finish").then().statusCode(200);
        return total;
    }

    private static String start(int number) {
        return participant()
                .body(
                        Map.of(
                                "study",
                                SLUG,
                                "prolific",
                                Map.of(
                                        "prolificPid",
                                        "PID-C-" + number,
                                        "studyId",
                                        "S",
                                        "sessionId",
                                        "X" + number)))
                .post("/api/participant/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    /**
     * Plain JDK client for the answers: light enough that the server, not the client, is measured.
     */
    private static int send(String token, String clientId, Map<String, Object> body) {
        try {
            String json =
                    new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
            java.net.http.HttpRequest request =
                    java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create(
                                            io.restassured.RestAssured.baseURI
                                                    + ":"
                                                    + io.restassured.RestAssured.port
                                                    + "/api/participant/sessions/"
                                                    + token
                                                    + "/responses/"
                                                    + clientId))
                            .header("Content-Type", "application/json")
                            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json))
                            .build();
            return HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
