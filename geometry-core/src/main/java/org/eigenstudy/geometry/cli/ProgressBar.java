package org.eigenstudy.geometry.cli;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.eigenstudy.geometry.progress.ProgressListener;
import org.eigenstudy.geometry.stimuli.StimulusProgress;

/**
 * The CLI's one progress bar: a line on stderr with elapsed time and ETA, redrawn in place at most
 * every {@value #REDRAW_MS} ms (steps inside one Hessian can come thousands of times a second).
 *
 * <p>It listens to both kinds of report. A survey's {@link ProgressListener} steps are all alike,
 * so their ETA is the mean time per step so far. The stimuli pipeline's {@link StimulusProgress}
 * units differ in cost (a Hessian point takes far longer than a strip), so the ETA sums, per kind,
 * the remaining units times that kind's mean; units found finished on disk (a resumed run) are left
 * out of the means, and a kind not yet measured adds a "+" (the ETA is then a lower bound).
 */
final class ProgressBar implements ProgressListener, StimulusProgress {
    static final long REDRAW_MS = 200;
    private static final int WIDTH = 30;
    private final String label;
    private final PrintWriter err;
    private final long redrawNanos;
    private final long start = System.nanoTime();
    private final Map<Unit, long[]> counts = new EnumMap<>(Unit.class);
    private long lastUnitEnd = start;
    private long lastDraw = Long.MIN_VALUE;

    ProgressBar(String label, PrintWriter err) {
        this(label, err, REDRAW_MS);
    }

    /** With another redraw interval: 0 draws every report (tests read each state). */
    ProgressBar(String label, PrintWriter err, long redrawMs) {
        this.label = label;
        this.err = err;
        this.redrawNanos = redrawMs * 1_000_000;
        for (Unit unit : Unit.values()) {
            // total, done, computed, nanoseconds spent computing
            counts.put(unit, new long[4]);
        }
    }

    @Override
    public void progress(int done, int total) {
        long now = System.nanoTime();
        if (!due(now, done == total)) {
            return;
        }
        double elapsed = (now - start) / 1e9;
        double eta = done == 0 ? Double.NaN : elapsed / done * (total - done);
        draw(done, total, now, clock(eta), "");
        if (done == total) {
            err.println();
            err.flush();
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
        long total = sum(0);
        long done = sum(1);
        if (due(now, done == total)) {
            draw(done, total, now, unitsEta(), what);
        }
    }

    @Override
    public void finish() {
        err.println();
        err.flush();
    }

    private boolean due(long now, boolean last) {
        if (!last && lastDraw != Long.MIN_VALUE && now - lastDraw < redrawNanos) {
            return false;
        }
        lastDraw = now;
        return true;
    }

    private long sum(int column) {
        return counts.values().stream().mapToLong(c -> c[column]).sum();
    }

    private String unitsEta() {
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
            return clock(Double.NaN);
        }
        return clock(seconds) + (unknown ? "+" : "");
    }

    private void draw(long done, long total, long now, String eta, String what) {
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        err.printf(
                Locale.ROOT,
                "\r%s [%s%s] %d/%d  %s elapsed, ETA %s  %-28.28s",
                label,
                "#".repeat(filled),
                " ".repeat(WIDTH - filled),
                done,
                total,
                clock((now - start) / 1e9),
                eta,
                what);
        err.flush();
    }

    static String clock(double seconds) {
        if (Double.isNaN(seconds)) {
            return "--:--";
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
