package org.eigenstudy.geometry.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Replaces non-finite doubles in maps, lists and arrays by null before JSON serialisation. */
final class Nulls {
    private Nulls() {}

    static Object ofNaN(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (value instanceof double[] a) {
            List<Double> out = new ArrayList<>();
            for (double d : a) {
                out.add(Double.isFinite(d) ? d : null);
            }
            return out;
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, ofNaN(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(Nulls::ofNaN).toList();
        }
        return value;
    }
}
