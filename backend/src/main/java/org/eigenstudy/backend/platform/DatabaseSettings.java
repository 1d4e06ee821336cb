package org.eigenstudy.backend.platform;

import java.nio.file.Path;
import java.util.Map;

/**
 * Decides where the database lives. Setting {@code QUARKUS_DATASOURCE_JDBC_URL} (with {@code
 * QUARKUS_DATASOURCE_USERNAME} and {@code QUARKUS_DATASOURCE_PASSWORD}) selects an external
 * PostgreSQL; otherwise an embedded one keeps its files in {@code EIGENSTUDY_DATA_DIR/postgres}
 * (default {@code ./data/postgres}) so that studies and responses survive a restart. The pool size
 * ({@code EIGENSTUDY_DB_POOL}, the same variable application.properties reads) sizes the embedded
 * server's {@code max_connections}.
 */
public record DatabaseSettings(
        boolean external, Path embeddedDataDirectory, int embeddedPort, int poolSize) {

    public static final int DEFAULT_EMBEDDED_PORT = 54329;

    /** Keep in step with {@code quarkus.datasource.jdbc.max-size} in application.properties. */
    public static final int DEFAULT_POOL_SIZE = 16;

    public static DatabaseSettings fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    static DatabaseSettings from(Map<String, String> env, java.util.Properties properties) {
        boolean external =
                notBlank(env.get("QUARKUS_DATASOURCE_JDBC_URL"))
                        || notBlank(properties.getProperty("quarkus.datasource.jdbc.url"));
        Path dataDir = Path.of(env.getOrDefault("EIGENSTUDY_DATA_DIR", "data")).toAbsolutePath();
        int port =
                parseInt(
                        env,
                        "EIGENSTUDY_EMBEDDED_DB_PORT",
                        DEFAULT_EMBEDDED_PORT,
                        65535,
                        "a port number 1-65535");
        int pool =
                parseInt(
                        env,
                        "EIGENSTUDY_DB_POOL",
                        DEFAULT_POOL_SIZE,
                        1000,
                        "a connection count 1-1000");
        return new DatabaseSettings(external, dataDir.resolve("postgres"), port, pool);
    }

    private static int parseInt(
            Map<String, String> env, String name, int fallback, int max, String what) {
        String value = env.get(name);
        if (!notBlank(value)) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 1 || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be " + what + ", got '" + value + "'");
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
