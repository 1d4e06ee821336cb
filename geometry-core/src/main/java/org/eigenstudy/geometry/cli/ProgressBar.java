package org.eigenstudy.geometry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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
 *
 * <p>With a status file ({@code stimuli --status}), each redraw also replaces that file with the
 * same numbers as JSON ({@code done, total, elapsedSeconds, etaSeconds, etaLowerBound, what}),
 * which the platform's job view reads.
 */
final class ProgressBar implements ProgressListener, StimulusProgress {
    static final long REDRAW_MS = 200;
    private static final int WIDTH = 30;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String label;
    private final PrintWriter err;
    private final long redrawNanos;
    private final long start = System.nanoTime();
    private final Map<Unit, long[]> counts = new EnumMap<>(Unit.class);
    private long lastUnitEnd = start;
    private long lastDraw = Long.MIN_VALUE;
    private Path statusFile;

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

    /** Also writes each state to {@code file} as JSON (replaced atomically). */
    ProgressBar withStatusFile(Path file) {
        this.statusFile = file;
        return this;
    }

    @Override
    public void progress(int done, int total) {
        long now = System.nanoTime();
        if (!due(now, done == total)) {
            return;
        }
        double elapsed = (now - start) / 1e9;
        double eta = done == 0 ? Double.NaN : elapsed / done * (total - done);
        draw(done, total, now, new Eta(eta, false), "");
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

    /** Seconds left (NaN: unknown); a lower bound while a kind of unit is not yet measured. */
    private record Eta(double seconds, boolean lowerBound) {
        String text() {
            return clock(seconds) + (lowerBound && !Double.isNaN(seconds) ? "+" : "");
        }
    }

    private Eta unitsEta() {
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
            return new Eta(Double.NaN, true);
        }
        return new Eta(seconds, unknown);
    }

    private void draw(long done, long total, long now, Eta eta, String what) {
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
                eta.text(),
                what);
        err.flush();
        if (statusFile != null) {
            writeStatus(done, total, (now - start) / 1e9, eta, what);
        }
    }

    private void writeStatus(long done, long total, double elapsed, Eta eta, String what) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("done", done);
        status.put("total", total);
        status.put("elapsedSeconds", Math.round(elapsed * 10) / 10.0);
        status.put("etaSeconds", Double.isNaN(eta.seconds()) ? null : Math.round(eta.seconds()));
        status.put("etaLowerBound", eta.lowerBound());
        status.put("what", what);
        try {
            Path tmp = statusFile.resolveSibling(statusFile.getFileName() + ".tmp");
            Files.write(tmp, JSON.writeValueAsBytes(status));
            Files.move(
                    tmp,
                    statusFile,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the status file " + statusFile, e);
        }
    }

    static String clock(double seconds) {
        if (Double.isNaN(seconds)) {
            return "--:--";
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
