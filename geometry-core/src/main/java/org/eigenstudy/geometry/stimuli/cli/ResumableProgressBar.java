package org.eigenstudy.geometry.stimuli.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.eigenstudy.geometry.stimuli.StimulusProgress;

/**
 * A one-line progress bar with ETA on stderr, redrawn in place. The ETA counts only units computed
 * in this run: units found finished on disk (a resumed run) are near-instant and would make the
 * estimate absurdly optimistic.
 */
public final class ResumableProgressBar implements StimulusProgress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private long total;
    private long done;
    private long computed;
    private long lastDraw;

    public ResumableProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public void addTotal(long units) {
        total += units;
    }

    @Override
    public void advance(String what, boolean reused) {
        done++;
        if (!reused) {
            computed++;
        }
        long now = System.nanoTime();
        if (now - lastDraw > 100_000_000L || done == total) {
            lastDraw = now;
            draw(what, now);
        }
    }

    private void draw(String what, long now) {
        double elapsed = (now - started) / 1e9;
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        String eta =
                computed == 0 ? "--:--" : clock(elapsed / computed * Math.max(0, total - done));
        out.print(
                String.format(
                        Locale.ROOT,
                        "\r[%s%s] %d/%d  %s elapsed  ETA %s  %-28.28s",
                        "#".repeat(filled),
                        ".".repeat(WIDTH - filled),
                        done,
                        total,
                        clock(elapsed),
                        eta,
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
