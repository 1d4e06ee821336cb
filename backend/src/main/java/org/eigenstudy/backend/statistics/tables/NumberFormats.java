package org.eigenstudy.backend.statistics.tables;

import java.util.Locale;

/** How the paper prints numbers: mean to the precision of its SEM, P with two digits. */
final class NumberFormats {

    private NumberFormats() {}

    /** "70.3 ± 0.6": decimals chosen so the SEM shows one significant digit. */
    static String meanSem(double mean, double sem, String plusMinus) {
        int decimals = sem > 0 ? (int) Math.max(0, Math.min(4, -Math.floor(Math.log10(sem)))) : 2;
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f, mean)
                + " "
                + plusMinus
                + " "
                + String.format(Locale.ROOT, f, sem);
    }

    static String p(double p) {
        if (p < 1e-300) {
            return "< 1e-300";
        }
        if (p >= 0.01) {
            return String.format(Locale.ROOT, "%.2f", p);
        }
        return String.format(Locale.ROOT, "%.1e", p);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f", 100 * fraction);
    }
}
