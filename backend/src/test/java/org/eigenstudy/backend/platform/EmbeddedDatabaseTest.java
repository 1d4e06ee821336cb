package org.eigenstudy.backend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistent embedded cluster ({@code ./eigenstudy run}'s database) is durable and comes back
 * after each kind of unclean stop with every committed row.
 */
class EmbeddedDatabaseTest {

    @TempDir Path temp;

    @Test
    void persistentClusterRunsWithDurableSettings() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(temp.resolve("pg"), freePort(), 16);
                Connection c = connect(db)) {
            assertEquals("on", show(c, "fsync"));
            assertEquals("on", show(c, "synchronous_commit"));
            assertEquals("on", show(c, "full_page_writes"));
            assertEquals("256MB", show(c, "shared_buffers"));
            assertEquals(
                    Integer.toString(16 + EmbeddedDatabase.CONNECTION_HEADROOM),
                    show(c, "max_connections"));
        }
    }

    @Test
    void restartsAfterThePostmasterIsKilled() throws Exception {
        Path data = temp.resolve("pg");
        int port = freePort();
        EmbeddedDatabase first = EmbeddedDatabase.start(data, port, 4);
        Connection writer = connect(first);
        write(writer, "before the kill");
        long postmaster = LeftoverServer.recordedPid(data.resolve("postmaster.pid")).orElseThrow();
        // the open session's backend outlives the postmaster for a moment
        ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
        ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().join());
        // releases the library's lock on the directory, as the end of a JVM would
        first.close();
        assertTrue(Files.exists(data.resolve("postmaster.pid")), "a stale postmaster.pid remains");
        try (EmbeddedDatabase again = EmbeddedDatabase.start(data, port, 4);
                Connection c = connect(again)) {
            assertEquals(List.of("before the kill"), notes(c));
        }
        writer.close();
    }

    @Test
    void stopsThePostmasterLeftByAKilledJvm() throws Exception {
        Path data = temp.resolve("pg");
        int port = freePort();
        Process child =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                EmbeddedDatabaseChild.class.getName(),
                                data.toString(),
                                Integer.toString(port))
                        .redirectErrorStream(true)
                        .start();
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(EmbeddedDatabaseChild.READY)) {
                // the library's start-up log
            }
            assertEquals(EmbeddedDatabaseChild.READY, line, "the child JVM started its database");
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        long postmaster = LeftoverServer.recordedPid(data.resolve("postmaster.pid")).orElseThrow();
        Path real = data.toRealPath();
        assertTrue(
                LeftoverServer.serves(ProcessHandle.of(postmaster).orElseThrow(), real),
                "the postmaster outlives the JVM that started it");
        try (EmbeddedDatabase again = EmbeddedDatabase.start(data, port, 4);
                Connection c = connect(again)) {
            assertEquals(List.of("written by the child"), notes(c));
            // gone, or a zombie until its new parent reaps it
            assertFalse(
                    ProcessHandle.of(postmaster)
                            .map(p -> LeftoverServer.serves(p, real))
                            .orElse(false));
        }
    }

    @Test
    void ignoresAPidFileWhosePidNowBelongsToAnotherProgram() throws Exception {
        Path data = temp.resolve("pg");
        int port = freePort();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, port, 4);
                Connection c = connect(db)) {
            write(c, "kept");
        }
        // as after a reboot: the recorded PID is alive, but it is this JVM, not a postmaster
        Files.writeString(
                data.resolve("postmaster.pid"),
                ProcessHandle.current().pid() + "\n" + data.toRealPath() + "\n");
        try (EmbeddedDatabase again = EmbeddedDatabase.start(data, port, 4);
                Connection c = connect(again)) {
            assertEquals(List.of("kept"), notes(c));
        }
    }

    static void write(Connection c, String note) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS note (text TEXT NOT NULL)");
            s.execute("INSERT INTO note VALUES ('" + note + "')");
        }
    }

    private static List<String> notes(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT text FROM note")) {
            List<String> notes = new java.util.ArrayList<>();
            while (r.next()) {
                notes.add(r.getString(1));
            }
            return notes;
        }
    }

    static Connection connect(EmbeddedDatabase db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SHOW " + setting)) {
            r.next();
            return r.getString(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
