package org.eigenstudy.browser;

/**
 * What the simulated participant answers on one trial. {@code sliderSteps} arrow-key presses move
 * the magnitude slider from its start at 50, so the stored magnitude must be 50 + sliderSteps.
 * Shared count and consistency are asked only after a change was seen (null otherwise).
 */
record Answer(
        boolean changeSeen,
        int sliderSteps,
        String description,
        Integer sharedCount,
        Integer consistency,
        int difficulty) {

    Integer magnitude() {
        return changeSeen ? 50 + sliderSteps : null;
    }

    /** A stored value as the CSV export writes it: empty for none. */
    static String cell(Object value) {
        return value == null ? "" : value.toString();
    }

    /** A different, reproducible answer per trial; the description holds markup, quotes, commas. */
    static Answer forTrial(int index) {
        if (index % 2 == 1) {
            return new Answer(false, 0, null, null, null, 9 - index % 9);
        }
        return new Answer(
                true,
                5 + 3 * index,
                "<b>disc</b> grows, \"says\" & <script>x</script> #" + index,
                1 + index % 5,
                2 + index % 8,
                3 + index % 7);
    }
}
