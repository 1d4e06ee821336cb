package org.eigenstudy.backend.participant.service;

import static org.eigenstudy.backend.testing.TestApi.participant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eigenstudy.backend.testing.EmbeddedPostgresTestResource;
import org.eigenstudy.backend.testing.StudyFixture;
import org.eigenstudy.backend.testing.TestApi;
import org.junit.jupiter.api.Test;

/**
 * A study nobody has reached yet (or any study right after a restart) is first read into memory by
 * whichever requests come first. With more of them at once than the database pool has connections
 * (16), each must load on the connection it already holds: asking the pool for a second one would
 * leave them all waiting for each other until the pool's timeout.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class StudyCatalogTest {

    static final String SLUG = "cold-cache";
    static final int AT_ONCE = 40;

    @Test
    void manyFirstRequestsAtOnceAllAnswer() throws Exception {
        String researcher = TestApi.tokenFor("cold-cache-researcher", "researcher");
        TestApi.importAndOpen(
                researcher, StudyFixture.create(SLUG, 4, StudyFixture.Design.standard()));
        ExecutorService clients = Executors.newFixedThreadPool(AT_ONCE);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < AT_ONCE; i++) {
            statuses.add(
                    clients.submit(
                            () -> {
                                go.await();
                                return participant()
                                        .get("/api/participant/studies/" + SLUG + "/preview")
                                        .then()
                                        .extract()
                                        .statusCode();
                            }));
        }
        go.countDown();
        for (Future<Integer> status : statuses) {
            // Well under the pool's 30 s acquisition timeout.
            assertEquals(200, status.get(20, TimeUnit.SECONDS));
        }
        clients.shutdown();
    }
}
