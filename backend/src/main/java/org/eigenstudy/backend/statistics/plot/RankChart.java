package org.eigenstudy.backend.statistics.plot;

import java.awt.Color;
import java.util.List;
import java.util.TreeSet;
import org.eigenstudy.backend.statistics.report.GroupReport;
import org.eigenstudy.backend.statistics.report.RankPoint;
import org.eigenstudy.studyconfig.model.AxisClass;

/**
 * Mean magnitude (±SEM) against eigen-rank for the top and bottom axes of one group. Ranks are
 * placed at equal spacing in rank order, since top and bottom ranks are hundreds apart.
 */
final class RankChart {

    private final GroupReport group;

    RankChart(GroupReport group) {
        this.group = group;
    }

    void draw(Canvas c) {
        List<RankPoint> points =
                group.byRank().stream()
                        .filter(p -> p.axisClass().isEigenvector() && p.magnitudeMean() != null)
                        .toList();
        TreeSet<Integer> ranks = new TreeSet<>();
        points.forEach(p -> ranks.add(p.rank()));
        List<Integer> order = List.copyOf(ranks);
        ChartFrame frame = new ChartFrame(100, true);
        frame.draw(c, "Magnitude against eigen-rank: " + group.label(), "magnitude (%)");
        double step = (ChartFrame.RIGHT - ChartFrame.LEFT) / Math.max(1, order.size());
        double[] previousX = {Double.NaN, Double.NaN, Double.NaN};
        double[] previousY = new double[3];
        for (RankPoint p : points) {
            int k = p.axisClass().ordinal();
            double x = ChartFrame.LEFT + step * (order.indexOf(p.rank()) + 0.5);
            double y = frame.y(p.magnitudeMean());
            Color color = ChartFrame.CLASS_COLORS[k];
            if (p.magnitudeSem() != null) {
                c.line(
                        x,
                        frame.y(p.magnitudeMean() + p.magnitudeSem()),
                        x,
                        frame.y(p.magnitudeMean() - p.magnitudeSem()),
                        color,
                        1.2);
            }
            if (!Double.isNaN(previousX[k])) {
                c.line(previousX[k], previousY[k], x, y, color, 1);
            }
            c.circle(x, y, 4, color);
            previousX[k] = x;
            previousY[k] = y;
        }
        int every = Math.max(1, order.size() / 20);
        for (int i = 0; i < order.size(); i += every) {
            c.text(
                    ChartFrame.LEFT + step * (i + 0.5),
                    ChartFrame.BOTTOM + 18,
                    Integer.toString(order.get(i)),
                    10,
                    Canvas.Anchor.MIDDLE);
        }
        c.text(
                (ChartFrame.LEFT + ChartFrame.RIGHT) / 2,
                ChartFrame.BOTTOM + 45,
                "eigen-rank",
                12,
                Canvas.Anchor.MIDDLE);
        frame.legend(c, AxisClass.TOP.ordinal(), AxisClass.BOTTOM.ordinal());
    }
}
