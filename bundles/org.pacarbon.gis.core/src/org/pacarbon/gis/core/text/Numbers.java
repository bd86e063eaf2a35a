package org.pacarbon.gis.core.text;

import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Numbers as a person reads them in tables, legends, identify results and reports: four significant digits
 * (whole numbers keep all their digits), thousands separators of the locale, never exponent notation for values
 * from 10^-6 to 10^15 (outside it: a mantissa times a power of ten written with superscripts), and the unit
 * always beside the value. Files for programs (CSV, JSON) keep full precision and do not use this class.
 */
public final class Numbers {
    private static final String SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";

    private Numbers() {
    }

    /** The value in the default format locale. */
    public static String format(double v) {
        return format(v, Locale.getDefault(Locale.Category.FORMAT));
    }

    /** The value with its unit ("2,011 km2"); no unit: the value alone. */
    public static String format(double v, String unit) {
        String s = format(v);
        return unit == null || unit.isBlank() || s.isEmpty() ? s : s + " " + unit.strip();
    }

    /** An area given in m2, shown in km2. */
    public static String areaKm2(double m2) {
        return format(m2 / 1e6, "km2");
    }

    /** The value in a given locale: empty for NaN, four significant digits, grouped thousands. */
    public static String format(double v, Locale locale) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221e" : "-\u221e";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e15 || a < 1e-6) { // mantissa x 10^n
            int e = (int) Math.floor(Math.log10(a));
            double m = v / Math.pow(10, e);
            if (Math.abs(m) >= 9.9995) { // rounding carried into the next power
                m /= 10;
                e++;
            }
            return decimals(m, 3, locale) + " \u00d7 10" + superscript(e);
        }
        int before = (int) Math.floor(Math.log10(a)) + 1; // digits before the decimal point (<= 0 for 0.0x)
        return decimals(v, Math.max(0, 4 - before), locale);
    }

    /**
     * A percentage or a growth rate in per cent (without the sign): four significant digits but never more than three
     * decimals, so that rounding noise of sums (a growth of 1e-14 %) reads as 0, not as a tiny number.
     */
    public static String percent(double v, Locale locale) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221e" : "-\u221e";
        }
        double a = Math.abs(v);
        if (a < 0.0005) {
            return "0";
        }
        int before = (int) Math.floor(Math.log10(a)) + 1;
        return decimals(v, Math.min(3, Math.max(0, 4 - before)), locale);
    }

    private static String decimals(double v, int maxFraction, Locale locale) {
        NumberFormat nf = NumberFormat.getNumberInstance(locale);
        nf.setGroupingUsed(true);
        nf.setMinimumFractionDigits(0);
        nf.setMaximumFractionDigits(maxFraction);
        nf.setRoundingMode(RoundingMode.HALF_UP);
        String s = nf.format(v);
        return s.equals("-0") ? "0" : s;
    }

    private static String superscript(int e) {
        StringBuilder sb = new StringBuilder();
        if (e < 0) {
            sb.append('\u207b');
        }
        for (char c : Integer.toString(Math.abs(e)).toCharArray()) {
            sb.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return sb.toString();
    }
}
