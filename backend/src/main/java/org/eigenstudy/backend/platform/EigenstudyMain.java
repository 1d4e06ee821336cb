package org.eigenstudy.backend.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the packaged application. Before Quarkus reads its runtime configuration, it
 * starts the embedded PostgreSQL when no external database is configured, so a fresh checkout runs
 * with no setup.
 */
@QuarkusMain
public final class EigenstudyMain {

    private EigenstudyMain() {}

    public static void main(String... args) {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment();
        if (settings.external()) {
            Quarkus.run(args);
            return;
        }
        EmbeddedDatabase database =
                EmbeddedDatabase.start(
                        settings.embeddedDataDirectory(),
                        settings.embeddedPort(),
                        settings.poolSize());
        database.exportToQuarkusConfig();
        Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-stop"));
        Quarkus.run(args);
    }
}
