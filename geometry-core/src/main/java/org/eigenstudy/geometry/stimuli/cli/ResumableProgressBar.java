package org.eigenstudy.geometry.stimuli.cli;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.eigenstudy.geometry.stimuli.StimulusProgress;

/**
 * A one-line progress bar with ETA on stderr, redrawn in place. The ETA sums, per kind of unit, the
 * remaining units times that kind's measured mean time; units found finished on disk (a resumed
 * run) are left out of the means, and a kind not yet measured adds a "+" (the ETA is then a lower
 * bound).
 */
public final class ResumableProgressBar implements StimulusProgress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private final Map<Unit, long[]> counts = new EnumMap<>(Unit.class);
    private long lastUnitEnd = started;
    private long lastDraw;

    public ResumableProgressBar(PrintStream out) {
        this.out = out;
        for (Unit unit : Unit.values()) {
            // total, done, computed, nanoseconds spent computing
            counts.put(unit, new long[4]);
        }
    }

    @Override
    public void addTotal(Unit unit, long units) {
        counts.get(unit)[0] += units;
    }

    @Override
    public void advance(Unit unit, String what, boolean reused) {
        long now = System.nanoTime();
        long[] c = counts.get(unit);
        c[1]++;
        if (!reused) {
            c[2]++;
            c[3] += now - lastUnitEnd;
        }
        lastUnitEnd = now;
        if (now - lastDraw > 100_000_000L || done() == total()) {
            lastDraw = now;
            draw(what, now);
        }
    }

    private long total() {
        return counts.values().stream().mapToLong(c -> c[0]).sum();
    }

    private long done() {
        return counts.values().stream().mapToLong(c -> c[1]).sum();
    }

    private String eta() {
        double seconds = 0;
        boolean unknown = false;
        for (long[] c : counts.values()) {
            long remaining = c[0] - c[1];
            if (remaining <= 0) {
                continue;
            }
            if (c[2] == 0) {
                unknown = true;
            } else {
                seconds += remaining * (c[3] / 1e9 / c[2]);
            }
        }
        if (unknown && seconds == 0) {
            return "--:--";
        }
        return clock(seconds) + (unknown ? "+" : "");
    }

    private void draw(String what, long now) {
        long total = total();
        long done = done();
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        out.print(
                String.format(
                        Locale.ROOT,
                        "\r[%s%s] %d/%d  %s elapsed  ETA %s  %-28.28s",
                        "#".repeat(filled),
                        ".".repeat(WIDTH - filled),
                        done,
                        total,
                        clock((now - started) / 1e9),
                        eta(),
                        what));
        out.flush();
    }

    @Override
    public void finish() {
        out.println();
        out.flush();
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
