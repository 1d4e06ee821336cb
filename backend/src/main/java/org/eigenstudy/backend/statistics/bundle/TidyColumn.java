package org.eigenstudy.backend.statistics.bundle;

import java.util.function.Function;
import org.eigenstudy.backend.statistics.Measure;
import org.eigenstudy.backend.statistics.tidy.TidyResponse;

/**
 * The columns of the bundle's {@code responses.csv}, in order, each with its type and meaning: the
 * one definition the CSV writer and the codebook both read, so they cannot disagree.
 */
public enum TidyColumn {
    PARTICIPANT(
            "participant",
            "text",
            "participant's id (their session); one per person",
            r -> r.participant()),
    MODEL("model", "text", "the generative model's key in the study", r -> r.model()),
    AXIS(
            "axis",
            "text",
            "the axis' key, unique within its model (so the axis is model:axis)",
            r -> r.axis()),
    AXIS_CLASS(
            "axis_class",
            "top | orthogonal | bottom",
            "which kind of latent axis the trial moved along",
            r -> r.axisClass().label()),
    RANK(
            "rank",
            "integer",
            "eigen-rank of the axis (1 = largest eigenvalue); for orthogonal axes their index",
            r -> r.rank()),
    CHANGE_SEEN(
            "change_seen",
            "0 | 1",
            "1 when the participant saw any change along the axis",
            r -> r.changeSeen() ? 1 : 0),
    MAGNITUDE(
            "magnitude",
            "number 0–100, empty = NA",
            "perceived magnitude of the change in percent; only asked after a seen change",
            r -> value(r, Measure.MAGNITUDE)),
    SHARED_COUNT(
            "shared_count",
            "integer 0–5, empty = NA",
            "how many of the five images share the change; only asked after a seen change",
            r -> value(r, Measure.SHARED_COUNT)),
    CONSISTENCY(
            "consistency",
            "integer 1–9, empty = NA",
            "how similar the five changes are (9 = most similar); only asked after a seen change",
            r -> value(r, Measure.CONSISTENCY)),
    DIFFICULTY(
            "difficulty",
            "integer 1–9, empty = NA",
            "how difficult the change was to describe (9 = most difficult)",
            r -> value(r, Measure.DIFFICULTY));

    private final String header;
    private final String type;
    private final String meaning;
    private final Function<TidyResponse, Object> value;

    TidyColumn(String header, String type, String meaning, Function<TidyResponse, Object> value) {
        this.header = header;
        this.type = type;
        this.meaning = meaning;
        this.value = value;
    }

    public String header() {
        return header;
    }

    public String type() {
        return type;
    }

    public String meaning() {
        return meaning;
    }

    Object of(TidyResponse r) {
        return value.apply(r);
    }

    /**
     * The measure as the analysis uses it: a follow-up rating of an unseen change is NA, as the
     * models leave it out (Measure.of); whole numbers without a decimal point.
     */
    private static Object value(TidyResponse r, Measure m) {
        double v = r.value(m);
        if (Double.isNaN(v)) {
            return null;
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : (Object) v;
    }
}
