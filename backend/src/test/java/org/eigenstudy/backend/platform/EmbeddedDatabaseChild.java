package org.eigenstudy.backend.platform;

import java.nio.file.Path;
import java.sql.Connection;

/**
 * A JVM that starts the persistent embedded database, writes a row and waits to be killed:
 * EmbeddedDatabaseTest kills it with SIGKILL, as a crash or {@code kill -9} of {@code ./eigenstudy
 * run} would.
 */
public final class EmbeddedDatabaseChild {

    static final String READY = "embedded-database-child-ready";

    private EmbeddedDatabaseChild() {}

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase db =
                EmbeddedDatabase.start(Path.of(args[0]), Integer.parseInt(args[1]), 4);
        try (Connection c = EmbeddedDatabaseTest.connect(db)) {
            EmbeddedDatabaseTest.write(c, "written by the child");
        }
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(600_000);
    }
}
