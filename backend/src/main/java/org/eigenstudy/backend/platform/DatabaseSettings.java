package org.eigenstudy.backend.platform;

import java.nio.file.Path;
import java.util.Map;

/**
 * Decides where the database lives. Setting {@code QUARKUS_DATASOURCE_JDBC_URL} (with {@code
 * QUARKUS_DATASOURCE_USERNAME} and {@code QUARKUS_DATASOURCE_PASSWORD}) selects an external
 * PostgreSQL; otherwise an embedded one keeps its files in {@code EIGENSTUDY_DATA_DIR/postgres}
 * (default {@code ./data/postgres}) so that studies and responses survive a restart.
 */
public record DatabaseSettings(boolean external, Path embeddedDataDirectory, int embeddedPort) {

    public static final int DEFAULT_EMBEDDED_PORT = 54329;

    public static DatabaseSettings fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    static DatabaseSettings from(Map<String, String> env, java.util.Properties properties) {
        boolean external =
                notBlank(env.get("QUARKUS_DATASOURCE_JDBC_URL"))
                        || notBlank(properties.getProperty("quarkus.datasource.jdbc.url"));
        Path dataDir = Path.of(env.getOrDefault("EIGENSTUDY_DATA_DIR", "data")).toAbsolutePath();
        int port = parsePort(env.get("EIGENSTUDY_EMBEDDED_DB_PORT"));
        return new DatabaseSettings(external, dataDir.resolve("postgres"), port);
    }

    private static int parsePort(String value) {
        if (!notBlank(value)) {
            return DEFAULT_EMBEDDED_PORT;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "EIGENSTUDY_EMBEDDED_DB_PORT must be a port number 1-65535, got '"
                            + value
                            + "'");
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
