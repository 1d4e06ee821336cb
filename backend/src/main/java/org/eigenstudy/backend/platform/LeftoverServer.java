package org.eigenstudy.backend.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/**
 * Clears what an unclean stop leaves behind in the embedded cluster's data directory, so that the
 * next start works without a person deleting files:
 *
 * <ul>
 *   <li>After a {@code kill -9} of the JVM the postmaster (a separate process started by {@code
 *       pg_ctl}) keeps running on the data directory; a new postmaster would refuse to start beside
 *       it. It is shut down (smart shutdown; its clients died with the JVM).
 *   <li>After a {@code kill -9} of the postmaster its backends stay attached to its shared memory
 *       until they notice, and PostgreSQL refuses to start while they are (it cannot know that they
 *       will not write). They are waited for, and killed if they outstay {@code patience}: their
 *       postmaster is gone, and crash recovery replays the WAL exactly as after the postmaster's
 *       own crash handling, which kills them too.
 *   <li>A {@code postmaster.pid} whose PID now belongs to an unrelated process (PIDs are reused
 *       after a reboot or in a container) makes PostgreSQL believe another server is running; it is
 *       removed. A PID of a process that is gone is left alone: PostgreSQL itself recognises that
 *       file as stale.
 * </ul>
 *
 * A process counts as a server of the directory only when its executable is {@code postgres} and
 * its working directory is the data directory (PostgreSQL changes into it), read from Linux's
 * {@code /proc}. Elsewhere nothing is touched and PostgreSQL's own checks decide.
 */
final class LeftoverServer {

    private static final Logger LOG = Logger.getLogger(LeftoverServer.class);
    private static final Path PROC = Path.of("/proc");
    private static final Duration POLL = Duration.ofMillis(100);

    private LeftoverServer() {}

    static void clear(Path dataDirectory, Duration patience) throws IOException {
        if (!Files.isDirectory(PROC.resolve("self")) || !Files.isDirectory(dataDirectory)) {
            return;
        }
        Path directory = dataDirectory.toRealPath();
        Path pidFile = directory.resolve("postmaster.pid");
        OptionalLong recorded = recordedPid(pidFile);
        if (recorded.isPresent()) {
            Optional<ProcessHandle> process = ProcessHandle.of(recorded.getAsLong());
            if (process.isPresent() && serves(process.get(), directory)) {
                LOG.warnf(
                        "A PostgreSQL server (PID %d) from an earlier run still serves %s;"
                                + " shutting it down before starting",
                        process.get().pid(), directory);
                process.get().destroy();
                stopAll(List.of(process.get()), directory, patience);
            } else if (process.isPresent() && process.get().isAlive()) {
                LOG.warnf(
                        "Removing %s: its PID %d now belongs to another program",
                        pidFile, recorded.getAsLong());
                Files.deleteIfExists(pidFile);
            }
        }
        List<ProcessHandle> orphans = servers(directory);
        if (!orphans.isEmpty()) {
            LOG.warnf(
                    "Waiting for %d PostgreSQL processes of a stopped server on %s to exit",
                    orphans.size(), directory);
            stopAll(orphans, directory, patience);
        }
    }

    /** Waits up to {@code patience} for the processes to exit, then kills the rest. */
    private static void stopAll(List<ProcessHandle> processes, Path directory, Duration patience)
            throws IOException {
        if (waitUntilGone(processes, directory, patience)) {
            return;
        }
        processes.stream()
                .filter(p -> serves(p, directory))
                .forEach(ProcessHandle::destroyForcibly);
        if (!waitUntilGone(processes, directory, patience)) {
            throw new IOException(
                    "PostgreSQL processes of an earlier run still serve "
                            + directory
                            + " after "
                            + patience.multipliedBy(2).toSeconds()
                            + " s; stop them and start again");
        }
    }

    private static boolean waitUntilGone(
            List<ProcessHandle> processes, Path directory, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (processes.stream().anyMatch(p -> serves(p, directory))) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** PostgreSQL processes (postmaster, backends, auxiliary processes) running in directory. */
    static List<ProcessHandle> servers(Path directory) {
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self && serves(p, directory))
                .toList();
    }

    /**
     * Whether the process is a live PostgreSQL process in directory. A zombie has no working
     * directory, so it does not count (PostgreSQL would still take its PID for a running server).
     */
    static boolean serves(ProcessHandle process, Path directory) {
        if (!process.isAlive()
                || !process.info()
                        .command()
                        .map(c -> Path.of(c).getFileName().toString().equals("postgres"))
                        .orElse(false)) {
            return false;
        }
        try {
            return Files.readSymbolicLink(PROC.resolve(process.pid() + "/cwd")).equals(directory);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** The postmaster's PID, the first line of postmaster.pid, if the file is there and sound. */
    static OptionalLong recordedPid(Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return OptionalLong.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty()
                    ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
