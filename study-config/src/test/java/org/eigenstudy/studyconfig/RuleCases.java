package org.eigenstudy.studyconfig;

/** Builds small study files around one change, so each rule test shows only what it breaks. */
final class RuleCases {
    static final String SOURCE = "rules.yaml";

    private RuleCases() {}

    /**
     * A valid file with extra lines in the study section, the first model, its stimuli block, and
     * at the top level; each argument may hold several lines (without indentation).
     */
    static String doc(String study, String model, String stimuli, String rest) {
        return "study:\n"
                + "  slug: rules\n"
                + "  title: \"Rule test\"\n"
                + indent(study, 2)
                + "models:\n"
                + "  - id: m1\n"
                + "    card: cards/m1.json\n"
                + "    space: z\n"
                + indent(model, 4)
                + "    stimuli:\n"
                + "      distance: 2.5\n"
                + indent(stimuli, 6)
                + indent(rest, 0);
    }

    static String study(String lines) {
        return doc(lines, "", "", "");
    }

    static String model(String lines) {
        return doc("", lines, "", "");
    }

    static String stimuli(String lines) {
        return doc("", "", lines, "");
    }

    static String rest(String lines) {
        return doc("", "", "", lines);
    }

    private static String indent(String lines, int spaces) {
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String line : lines.split("\n", -1)) {
            out.append(" ".repeat(spaces)).append(line).append('\n');
        }
        return out.toString();
    }
}
