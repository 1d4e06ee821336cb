package org.eigenstudy.backend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void embeddedByDefaultWithPersistentDataFolder() {
        DatabaseSettings s = DatabaseSettings.from(Map.of(), new Properties());
        assertFalse(s.external());
        assertEquals(Path.of("data", "postgres").toAbsolutePath(), s.embeddedDataDirectory());
        assertEquals(DatabaseSettings.DEFAULT_EMBEDDED_PORT, s.embeddedPort());
        assertEquals(DatabaseSettings.DEFAULT_POOL_SIZE, s.poolSize());
    }

    @Test
    void poolSizeFromTheVariableTheDatasourceReads() {
        assertEquals(
                40,
                DatabaseSettings.from(Map.of("EIGENSTUDY_DB_POOL", "40"), new Properties())
                        .poolSize());
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                DatabaseSettings.from(
                                        Map.of("EIGENSTUDY_DB_POOL", "0"), new Properties()));
        assertTrue(e.getMessage().contains("EIGENSTUDY_DB_POOL"));
    }

    @Test
    void externalWhenJdbcUrlIsSet() {
        DatabaseSettings s =
                DatabaseSettings.from(
                        Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db:5432/eigen"),
                        new Properties());
        assertTrue(s.external());
    }

    @Test
    void dataDirAndPortFromEnvironment() {
        DatabaseSettings s =
                DatabaseSettings.from(
                        Map.of(
                                "EIGENSTUDY_DATA_DIR",
                                "/srv/es",
                                "EIGENSTUDY_EMBEDDED_DB_PORT",
                                "6000"),
                        new Properties());
        assertEquals(Path.of("/srv/es/postgres"), s.embeddedDataDirectory());
        assertEquals(6000, s.embeddedPort());
    }

    @Test
    void badPortIsRejectedWithItsName() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                DatabaseSettings.from(
                                        Map.of("EIGENSTUDY_EMBEDDED_DB_PORT", "abc"),
                                        new Properties()));
        assertTrue(e.getMessage().contains("EIGENSTUDY_EMBEDDED_DB_PORT"));
    }
}
