package org.eigenstudy.geometry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.model.DeviceChoice;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EngineOptionsTest {
    private static final String THREADS = "ai.djl.pytorch.num_threads";

    private static EngineOptions parse(String... args) {
        EngineOptions options = new EngineOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void theSameFlagsMeanTheSameForEveryCommand() {
        assertEquals(DeviceChoice.parse("auto"), parse().deviceChoice());
        assertEquals(DeviceChoice.parse("cpu"), parse("--device", "cpu").deviceChoice());
        String before = System.getProperty(THREADS);
        try {
            parse("--threads", "3").applyThreads();
            assertEquals("3", System.getProperty(THREADS));
            assertEquals("1", System.getProperty("ai.djl.pytorch.num_interop_threads"));
            // Without --threads a value already set (-D on the command line) is kept.
            parse().applyThreads();
            assertEquals("3", System.getProperty(THREADS));
            System.clearProperty(THREADS);
            parse().applyThreads();
            int half = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
            assertEquals(Integer.toString(half), System.getProperty(THREADS));
        } finally {
            if (before == null) {
                System.clearProperty(THREADS);
            } else {
                System.setProperty(THREADS, before);
            }
        }
    }

    @Test
    void refusesFewerThanOneThread() {
        GeometryException e =
                assertThrows(GeometryException.class, () -> parse("--threads", "0").applyThreads());
        assertEquals("--threads must be >= 1, got 0", e.getMessage());
    }
}
