package org.eigenstudy.backend.statistics.tables;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eigenstudy.backend.statistics.Measure;
import org.eigenstudy.backend.statistics.planning.PowerRun;
import org.eigenstudy.backend.statistics.planning.PowerSimulation;
import org.eigenstudy.backend.statistics.report.PowerSection;

/**
 * The report's sample-size planning as tables, independent of the output syntax (like {@link
 * HeadlineTables}): one table per measure that was simulated, rows = grid cells, one column per
 * planned contrast; the caption carries the request (simulations, seed, date) and the pilot.
 */
record PowerTables(ResultsTable table, String caption) {

    static final String HEADING = "Sample-size planning (simulated power)";

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    /** The tables of the section's runs; empty when none was run (the note then says so). */
    static List<PowerTables> of(PowerSection power) {
        return power.runs().stream().map(PowerTables::of).toList();
    }

    private static PowerTables of(PowerRun run) {
        List<PowerSimulation.Cell> cells = run.cells();
        List<String> header = new ArrayList<>(List.of("participants", "axes per class"));
        if (!cells.isEmpty()) {
            cells.get(0).contrasts().forEach(c -> header.add(c.first() + " − " + c.second()));
        }
        header.add("failed fits");
        boolean slopes = run.pilot().participantCovariance() != null;
        if (slopes) {
            header.add("slopes dropped");
        }
        List<List<String>> rows = new ArrayList<>();
        for (PowerSimulation.Cell cell : cells) {
            List<String> row =
                    new ArrayList<>(
                            List.of(
                                    Integer.toString(cell.participants()),
                                    Integer.toString(cell.axesPerClass())));
            for (PowerSimulation.ContrastPower c : cell.contrasts()) {
                row.add(
                        f(c.power())
                                + " "
                                + ResultsTable.PM
                                + " "
                                + f(c.monteCarloSe())
                                + " ("
                                + f(c.powerUnadjusted())
                                + ")");
            }
            row.add(Integer.toString(cell.failedFits()));
            if (slopes) {
                row.add(Integer.toString(cell.slopesDropped()));
            }
            rows.add(row);
        }
        return new PowerTables(
                new ResultsTable("Power: " + title(run.measure()), header, rows), caption(run));
    }

    private static String caption(PowerRun run) {
        StringBuilder effects = new StringBuilder();
        if (!run.cells().isEmpty()) {
            for (PowerSimulation.ContrastPower c : run.cells().get(0).contrasts()) {
                effects.append(effects.isEmpty() ? "" : ", ")
                        .append(c.first())
                        .append(" − ")
                        .append(c.second())
                        .append(' ')
                        .append(f(c.effect()));
            }
        }
        return String.format(
                Locale.ROOT,
                "Share of %d simulated studies per row in which the contrast's Holm-adjusted p <"
                        + " %s (unadjusted in parentheses), %s Monte-Carlo SE. Run %s, seed %d,"
                        + " from the pilot's fit %s on %d participants and %d responses (%d axes"
                        + " per class; participants who failed more than %d catch trial(s)"
                        + " excluded). Simulated true differences (%s): %s. A failed fit counts as"
                        + " not detected.%s",
                run.simulations(),
                run.alpha(),
                ResultsTable.PM,
                WHEN.format(run.ranAt()),
                run.seed(),
                run.model(),
                run.pilotParticipants(),
                run.pilotResponses(),
                run.pilotAxesPerClass(),
                run.maxFailedCatchTrials(),
                run.pilot().binary() ? "log odds" : "response scale",
                effects,
                run.pilot().participantCovariance() == null
                        ? ""
                        : " Participants' class effects drawn with the pilot's by-participant"
                                + " slope covariance; slopes dropped: studies whose slope fit was"
                                + " singular and refitted with (1 | participant), as the headline"
                                + " does.");
    }

    private static String title(String key) {
        for (Measure m : Measure.values()) {
            if (m.key().equals(key)) {
                return m.title();
            }
        }
        return key;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
