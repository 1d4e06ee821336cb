package org.eigenstudy.backend.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real PostgreSQL server run from a jar (zonky). Used by {@code ./eigenstudy run} when no
 * external database is configured, and by the tests. With a data directory the cluster persists
 * across restarts and is durable (see {@link #DURABLE}); without one it lives in a temporary
 * directory with the library's fast test settings.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final String USER = "postgres";

    /**
     * Server settings of the persistent cluster; each is passed as {@code -c name=value} after the
     * library's own options, so it wins over them. The library starts every server with {@code -F}
     * (no fsync) and asynchronous commit, which are right for throw-away test databases but lose
     * acknowledged answers when PostgreSQL or the machine crashes: a participant's 201 must mean
     * the row is on disk. docs/reliability.md gives the reasons and the measured cost.
     */
    static final Map<String, String> DURABLE =
            Map.of(
                    "fsync", "on",
                    "synchronous_commit", "on",
                    // torn 8 kB pages after a power loss are repaired from the WAL's page images
                    "full_page_writes", "on",
                    // the library's 128 MB default; the harness's external cluster uses 256MB
                    "shared_buffers", "256MB");

    /**
     * Connections beyond the pool: Flyway's own at start, a researcher's psql or pg_dump, the
     * harness's checks, and PostgreSQL's 3 reserved superuser slots.
     */
    static final int CONNECTION_HEADROOM = 20;

    /** How long an unclean stop's leftover processes get to exit before they are killed. */
    private static final Duration LEFTOVER_PATIENCE = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts (or reopens) a persistent, durable cluster in {@code dataDirectory} listening on
     * {@code port}, with room for a connection pool of {@code poolSize}. Processes left by an
     * unclean stop are cleared first ({@link LeftoverServer}); PostgreSQL then recovers from its
     * WAL.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, int poolSize) {
        try {
            Files.createDirectories(dataDirectory);
            LeftoverServer.clear(dataDirectory, LEFTOVER_PATIENCE);
            EmbeddedPostgres.Builder builder =
                    EmbeddedPostgres.builder()
                            .setDataDirectory(dataDirectory)
                            .setCleanDataDirectory(false)
                            .setPort(port)
                            // crash recovery after an unclean stop replays the WAL first
                            .setPGStartupWait(Duration.ofSeconds(120));
            DURABLE.forEach(builder::setServerConfig);
            builder.setServerConfig(
                    "max_connections", Integer.toString(poolSize + CONNECTION_HEADROOM));
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the embedded PostgreSQL in "
                            + dataDirectory
                            + " on port "
                            + port,
                    e);
        }
    }

    /**
     * Starts a throw-away cluster on a free port (tests, benchmarks). It keeps the library's test
     * defaults (no fsync, asynchronous commit, 300 connections) on purpose: the directory is
     * deleted on close and never outlives a crash, so durability would buy nothing and cost every
     * test's commits a disk flush on a shared machine.
     */
    public static EmbeddedDatabase startTemporary() {
        try {
            return new EmbeddedDatabase(
                    EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a temporary embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, "postgres");
    }

    public String username() {
        return USER;
    }

    public String password() {
        return "postgres";
    }

    /**
     * Points Quarkus' default datasource at this server; must run before Quarkus reads its config.
     */
    public void exportToQuarkusConfig() {
        System.setProperty("quarkus.datasource.jdbc.url", jdbcUrl());
        System.setProperty("quarkus.datasource.username", username());
        System.setProperty("quarkus.datasource.password", password());
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
        }
    }
}
