package org.pacarbon.carbon.core;

import org.eclipse.jdt.annotation.Nullable;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.io.Csv;

/**
 * Vulnerable soil organic carbon: each cell's SOC stock times the loss fraction of its soil class. The fractions come
 * from a table the team trusts (a soil survey, the literature); none are built in, so a class without a fraction is
 * an error, not a guess.
 */
public final class Vsoc {
    private final Map<Double, Double> fractions;

    /** @param fractions loss fraction (0..1) by soil class code */
    public Vsoc(Map<Double, Double> fractions) {
        this.fractions = Collections.unmodifiableMap(new TreeMap<>(fractions));
    }

    /** Reads a table with the columns class,fraction; a fraction outside 0..1 or a class listed twice is refused. */
    public static Vsoc read(Path table) throws GisException {
        Map<Double, Double> fractions = new TreeMap<>();
        for (Csv.Row r : Csv.read(table, "class", "fraction")) {
            double c = r.number("class", table);
            double f = r.number("fraction", table);
            if (!(f >= 0 && f <= 1)) {
                throw new GisException(table, "line " + r.line() + ": fraction " + f + " is not between 0 and 1", "a loss fraction from 0 to 1");
            }
            if (fractions.put(c, f) != null) {
                throw new GisException(table, "line " + r.line() + ": class " + r.get("class") + " is listed twice", "each class once");
            }
        }
        if (fractions.isEmpty()) {
            throw new GisException(table, "has no classes", "rows of class,fraction");
        }
        return new Vsoc(fractions);
    }

    /** The loss fraction of a class, or null when the table has none. */
    public @Nullable Double fraction(double soilClass) {
        return fractions.get(soilClass);
    }

    /** vSOC of a cell (the SOC unit): NaN where SOC or the class is missing or the class has no fraction. */
    public double of(double soc, double soilClass) {
        Double f = Double.isNaN(soc) || Double.isNaN(soilClass) ? null : fractions.get(soilClass);
        return f == null ? Double.NaN : soc * f;
    }

    /** A class code as written: 3, not 3.0. */
    public static String code(double k) {
        return k == Math.rint(k) ? Long.toString((long) k) : String.format(Locale.ROOT, "%s", k);
    }
}
