package org.eigenstudy.backend.statistics;

import java.util.ArrayList;
import java.util.List;
import org.eigenstudy.studyconfig.model.AxisClass;

/** Reads the synthetic study written by reference.R into response rows. */
public final class StudyRows {

    private StudyRows() {}

    public static List<ResponseRow> load() {
        List<ResponseRow> rows = new ArrayList<>();
        for (String[] c : RReference.csv("study.csv")) {
            boolean isCatch = c[11].equals("1");
            rows.add(
                    new ResponseRow(
                            Long.parseLong(c[0]),
                            isCatch ? null : c[1],
                            isCatch ? null : c[2],
                            isCatch ? null : AxisClass.fromLabel(c[3]),
                            isCatch ? 0 : Integer.parseInt(c[4]),
                            c[5].isEmpty() ? Double.NaN : Double.parseDouble(c[5]),
                            c[6].equals("1"),
                            c[7].isEmpty() ? null : Double.parseDouble(c[7]),
                            integer(c[8]),
                            integer(c[9]),
                            integer(c[10]),
                            isCatch,
                            isCatch ? c[12].equals("1") : null));
        }
        return rows;
    }

    private static Integer integer(String cell) {
        return cell.isEmpty() ? null : Integer.parseInt(cell);
    }
}
