package org.eigenstudy.backend.statistics.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eigenstudy.backend.statistics.plot.LineSeries;
import org.eigenstudy.backend.statistics.plot.Plots;

/**
 * The answer to "how many participants (and axes) do I need?": the pilot's parameters, the power
 * per grid cell and contrast, and the power curve as SVG.
 *
 * @param measure the measure's key
 * @param model the model refitted to every simulated study, in lme4's notation
 * @param pilot what the simulated studies are drawn from
 * @param pilotParticipants participants in the pilot fit
 * @param pilotResponses responses in the pilot fit
 * @param pilotAxesPerClass axes per class in the pilot (mean over classes)
 * @param estimatedMillis the cost estimate the request was checked against
 * @param svg the power curve: one line per contrast and number of axes per class
 */
public record PowerReport(
        String measure,
        String model,
        PilotModel pilot,
        int pilotParticipants,
        int pilotResponses,
        int pilotAxesPerClass,
        int simulations,
        long seed,
        double alpha,
        double estimatedMillis,
        List<PowerSimulation.Cell> cells,
        List<String> howToRead,
        String svg) {

    /** The target power most planning aims for (Cohen 1988), drawn as the reference line. */
    public static final double TARGET = 0.8;

    public static PowerReport of(
            String measure,
            String measureTitle,
            PilotModel pilot,
            int pilotParticipants,
            int pilotResponses,
            int pilotAxesPerClass,
            PowerSimulation.Settings settings,
            List<PowerSimulation.Cell> cells) {
        String model =
                pilot.binary()
                        ? "glmer("
                                + measure
                                + " ~ class + (1 | participant) + (1 | axis), binomial)"
                        : pilot.randomSlopes()
                                ? "lmer("
                                        + measure
                                        + " ~ class + (1 + class | participant) + (1 | axis),"
                                        + " REML), refitted with (1 | participant) when singular"
                                : "lmer("
                                        + measure
                                        + " ~ class + (1 | participant) + (1 | axis), REML)";
        List<String> read =
                List.of(
                        "Each point is the share of "
                                + settings.simulations()
                                + " simulated studies in which the contrast was significant"
                                + " (Holm-adjusted p < "
                                + settings.alpha()
                                + " over the three class pairs, as in the analysis); the"
                                + " whiskers are ± 1 Monte-Carlo SE.",
                        "The studies are drawn from the pilot's fitted model: its class means,"
                                + " participant and axis variances"
                                + (pilot.randomSlopes()
                                        ? ", the covariance of participants' class effects"
                                                + " (by-participant random slopes)"
                                        : "")
                                + (pilot.binary() ? "" : " and residual variance")
                                + " are taken as the truth. A pilot's effect is itself uncertain,"
                                + " so read the curve as 'if the effect is as large as in the"
                                + " pilot'.",
                        "Pick the smallest number of participants whose power reaches the dashed"
                                + " line at 0.8 for the contrast you care about; if no line reaches"
                                + " it, more axes per class help more than more participants when"
                                + " the axis variance is large.");
        return new PowerReport(
                measure,
                model,
                pilot,
                pilotParticipants,
                pilotResponses,
                pilotAxesPerClass,
                settings.simulations(),
                settings.seed(),
                settings.alpha(),
                PowerSimulation.estimatedMillis(pilot, settings),
                cells,
                read,
                svg(measureTitle, settings, cells));
    }

    private static String svg(
            String title, PowerSimulation.Settings settings, List<PowerSimulation.Cell> cells) {
        List<LineSeries> series = new ArrayList<>();
        for (int axes : settings.axesPerClass()) {
            List<PowerSimulation.Cell> row =
                    cells.stream().filter(c -> c.axesPerClass() == axes).toList();
            int contrasts = row.isEmpty() ? 0 : row.get(0).contrasts().size();
            for (int k = 0; k < contrasts; k++) {
                double[] x = new double[row.size()];
                double[] y = new double[row.size()];
                double[] e = new double[row.size()];
                for (int i = 0; i < row.size(); i++) {
                    PowerSimulation.ContrastPower c = row.get(i).contrasts().get(k);
                    x[i] = row.get(i).participants();
                    y[i] = c.power();
                    e[i] = c.monteCarloSe();
                }
                PowerSimulation.ContrastPower first = row.get(0).contrasts().get(k);
                series.add(
                        new LineSeries(
                                String.format(
                                        Locale.ROOT,
                                        "%s vs %s, %d axes per class",
                                        first.first(),
                                        first.second(),
                                        axes),
                                x,
                                y,
                                e));
            }
        }
        return Plots.linesSvg("Power: " + title, "participants", "power", 1, series, TARGET);
    }
}
