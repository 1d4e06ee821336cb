package org.eigenstudy.backend.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL server run from a jar (zonky). Used by {@code ./eigenstudy run} when no
 * external database is configured, and by the tests. With a data directory the cluster persists
 * across restarts; without one it lives in a temporary directory.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts (or reopens) a persistent cluster in {@code dataDirectory} listening on {@code port}.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            return new EmbeddedDatabase(
                    EmbeddedPostgres.builder()
                            .setDataDirectory(dataDirectory)
                            .setCleanDataDirectory(false)
                            .setPort(port)
                            .setPGStartupWait(Duration.ofSeconds(60))
                            .start());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the embedded PostgreSQL in "
                            + dataDirectory
                            + " on port "
                            + port,
                    e);
        }
    }

    /** Starts a throw-away cluster on a free port (tests). */
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
