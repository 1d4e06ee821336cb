package org.eigenstudy.studyconfig.parse;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name a misspelt one was probably meant to be. */
final class Suggestions {
    private Suggestions() {}

    static Optional<String> closest(String wrong, Collection<String> known) {
        String snake = toSnakeCase(wrong);
        if (!snake.equals(wrong) && known.contains(snake)) {
            return Optional.of(snake);
        }
        // A truncated key ("completion" for "completion_code") is far in edit distance but obvious.
        if (wrong.length() >= 3) {
            Optional<String> extension =
                    known.stream().filter(candidate -> candidate.startsWith(wrong)).findFirst();
            if (extension.isPresent()) {
                return extension;
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = editDistance(wrong.toLowerCase(Locale.ROOT), candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // Beyond a third of the word, a "suggestion" is a guess that misleads more than it helps.
        int limit = Math.max(2, wrong.length() / 3);
        return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
    }

    static String toSnakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replace('-', '_')
                .toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
