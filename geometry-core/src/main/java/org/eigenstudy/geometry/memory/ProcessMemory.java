package org.eigenstudy.geometry.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak resident memory of this process (JVM + libtorch) from Linux's VmHWM, which can be reset by
 * writing 5 to /proc/self/clear_refs; so each measured step gets its own peak.
 */
public final class ProcessMemory {
    private ProcessMemory() {}

    public static void reset() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException e) {
            // Not Linux or not permitted: peaks then accumulate, which the report states.
        }
    }

    /** VmHWM in bytes, or -1 where /proc is unavailable. */
    public static long peakBytes() {
        return field("VmHWM:");
    }

    public static long currentBytes() {
        return field("VmRSS:");
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
