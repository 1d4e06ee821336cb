package org.eigenstudy.geometry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.eigenstudy.geometry.stimuli.StimulusProgress.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressBarTest {

    private final StringWriter out = new StringWriter();
    private final ProgressBar bar = new ProgressBar("run", new PrintWriter(out), 0);

    /** The last line drawn (each redraw starts with a carriage return). */
    private String last() {
        String text = out.toString();
        return text.substring(text.lastIndexOf('\r') + 1);
    }

    @Test
    void stepsDrawTheBarCountsAndEndTheLineWhenDone() {
        bar.progress(0, 4);
        assertTrue(last().startsWith("run [" + " ".repeat(30) + "] 0/4"), last());
        assertTrue(last().contains("ETA --:--"), "no step done, no estimate: " + last());
        bar.progress(4, 4);
        assertTrue(last().startsWith("run [" + "#".repeat(30) + "] 4/4"), last());
        assertTrue(last().contains("ETA 0:00:00"), last());
        assertTrue(
                out.toString().endsWith(System.lineSeparator()), "the finished bar ends its line");
    }

    @Test
    void unitsFoundOnDiskAreCountedButAKindNotYetMeasuredMakesTheEtaALowerBound() {
        bar.addTotal(Unit.HESSIAN, 3);
        bar.addTotal(Unit.STRIP, 2);
        bar.advance(Unit.HESSIAN, "h0", true);
        assertTrue(last().contains("] 1/5"), last());
        assertTrue(last().contains("ETA --:--"), "only reused units, nothing measured: " + last());
        bar.advance(Unit.HESSIAN, "h1", false);
        // One Hessian left and measured, strips not yet: the estimate is a lower bound.
        assertTrue(last().matches(".*ETA \\d+:\\d\\d:\\d\\d\\+.*"), last());
        bar.advance(Unit.HESSIAN, "h2", false);
        bar.advance(Unit.STRIP, "s0", false);
        bar.advance(Unit.STRIP, "s1", false);
        assertTrue(last().contains("] 5/5"), last());
        assertTrue(last().contains("ETA 0:00:00 "), "nothing left: " + last());
        assertTrue(last().contains("s1"), "names the last unit: " + last());
    }

    @Test
    void redrawsAtMostEveryIntervalButAlwaysTheLastStep() {
        ProgressBar throttled = new ProgressBar("run", new PrintWriter(out), 60_000);
        throttled.progress(1, 3);
        throttled.progress(2, 3);
        assertTrue(last().contains("] 1/3"), "the second step came too soon: " + last());
        throttled.progress(3, 3);
        assertTrue(last().contains("] 3/3"), last());
    }

    @Test
    void theStatusFileHoldsTheSameStateAsJson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("status.json");
        ProgressBar withFile = new ProgressBar("run", new PrintWriter(out), 0).withStatusFile(file);
        withFile.addTotal(Unit.HESSIAN, 3);
        withFile.addTotal(Unit.STRIP, 1);
        withFile.advance(Unit.HESSIAN, "h0", true);
        JsonNode first = new ObjectMapper().readTree(file.toFile());
        assertEquals(1, first.path("done").asInt());
        assertEquals(4, first.path("total").asInt());
        assertTrue(first.path("etaSeconds").isNull(), "nothing measured yet: " + first);
        withFile.advance(Unit.HESSIAN, "h1", false);
        JsonNode second = new ObjectMapper().readTree(file.toFile());
        assertEquals(2, second.path("done").asInt());
        // One Hessian left and measured, the strip not yet: a lower bound.
        assertTrue(second.path("etaLowerBound").asBoolean(), "strips not measured: " + second);
        assertTrue(second.path("etaSeconds").isNumber(), second.toString());
        assertEquals("h1", second.path("what").asText());
        assertTrue(last().contains("] 2/4"), "the bar is drawn as before: " + last());
    }

    @Test
    void clockShowsHoursMinutesSecondsAndDashesWithoutAnEstimate() {
        assertEquals("1:01:05", ProgressBar.clock(3665));
        assertEquals("0:00:59", ProgressBar.clock(59.4));
        assertEquals("--:--", ProgressBar.clock(Double.NaN));
    }
}
