package org.eigenstudy.geometry.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.eigenstudy.geometry.progress.ProgressListener;

/**
 * A one-line progress bar with elapsed time and ETA, redrawn in place on stderr at most every
 * {@value #REDRAW_MS} ms (steps inside one Hessian can come thousands of times a second).
 */
final class ProgressBar implements ProgressListener {
    private static final long REDRAW_MS = 200;
    private final String label;
    private final PrintWriter err;
    private final long start = System.nanoTime();
    private long lastDraw = Long.MIN_VALUE;

    ProgressBar(String label, PrintWriter err) {
        this.label = label;
        this.err = err;
    }

    @Override
    public void progress(int done, int total) {
        long now = System.nanoTime();
        if (done < total && lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_MS * 1_000_000) {
            return;
        }
        lastDraw = now;
        double elapsed = (now - start) / 1e9;
        double eta = done == 0 ? Double.NaN : elapsed / done * (total - done);
        int width = 30;
        int filled = total == 0 ? width : width * done / total;
        err.printf(
                Locale.ROOT,
                "\r%s [%s%s] %d/%d  %s elapsed, ETA %s",
                label,
                "#".repeat(filled),
                " ".repeat(width - filled),
                done,
                total,
                clock(elapsed),
                clock(eta));
        if (done == total) {
            err.println();
        }
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
