package org.pacarbon.carbon.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unit of an input layer, parsed from its text, never guessed: a mass (with an optional element, C or
 * CO2), per area (densities) or not (per-cell amounts), per time (rates) or not (stocks). Accepted forms:
 * {@code kgC/m2}, {@code gC/m2/yr}, {@code MgC/ha}, {@code tC/ha}, {@code kgCO2/m2/yr}, {@code tCO2/km2/yr},
 * {@code t/yr}, {@code tCO2/yr}, {@code kg/yr}, {@code Mg}, and the CF/UDUNITS forms {@code kg m-2 s-1},
 * {@code kg m-2}, {@code kg C m-2 yr-1}.
 *
 * @param text          the unit as given
 * @param kgPerUnit     kilograms per unit of mass
 * @param element       "C", "CO2" or {@code null} when the unit does not say
 * @param m2PerArea     square metres of the area unit, or 0 for a per-cell amount
 * @param perSecond     whether the rate is per second (fluxes, e.g. EDGAR kg m-2 s-1)
 * @param perYear       whether the rate is per year
 */
public record QuantityUnit(String text, double kgPerUnit, String element, double m2PerArea, boolean perSecond, boolean perYear) {

    private static final Pattern SLASH = Pattern.compile(
            "(?<mass>g|kg|t|Mg|Gg|Tg|Pg|(?i:tonnes|tonne|tons|ton))\\s*(?<el>C|CO2)?(?:\\s*/\\s*(?<area>m2|m\\^2|ha|km2|km\\^2))?(?:\\s*/\\s*(?<time>yr|year|a|s))?");
    private static final Pattern CF = Pattern.compile(
            "(?<mass>g|kg|t|Mg|Gg|Tg|Pg|(?i:tonnes|tonne|tons|ton))\\s*(?<el>C|CO2)?(?:\\s+(?<area>m-2|km-2|ha-1))?(?:\\s+(?<time>s-1|yr-1|a-1|year-1))?");

    /** Parses a unit; throws {@link IllegalArgumentException} with the accepted forms for anything else. */
    public static QuantityUnit parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no unit given (expected e.g. kgC/m2, kgC/m2/yr, t/yr, kg m-2 s-1)");
        }
        String t = text.trim();
        Matcher m = SLASH.matcher(t);
        if (!m.matches()) {
            m = CF.matcher(t);
            if (!m.matches()) {
                throw new IllegalArgumentException("unknown unit '" + text
                        + "' (expected e.g. kgC/m2, gC/m2/yr, MgC/ha, kgCO2/m2/yr, tCO2/km2/yr, t/yr, kg m-2 s-1)");
            }
        }
        String massName = m.group("mass").toLowerCase(java.util.Locale.ROOT).startsWith("ton") ? "t" : m.group("mass");
        double kg = switch (massName) {
            case "g" -> 1e-3;
            case "kg" -> 1;
            case "t", "Mg", "ton", "tonne", "tonnes" -> 1e3;
            case "Gg" -> 1e6;
            case "Tg" -> 1e9;
            case "Pg" -> 1e12;
            default -> throw new IllegalArgumentException("unknown mass unit in '" + text + "'");
        };
        String area = m.group("area");
        double m2 = 0;
        if (area != null) {
            String a = area.replace("^", "").replace("-2", "2").replace("-1", "");
            m2 = switch (a) {
                case "m2" -> 1;
                case "ha" -> 1e4;
                case "km2" -> 1e6;
                default -> throw new IllegalArgumentException("unknown area unit in '" + text + "'");
            };
        }
        String time = m.group("time");
        boolean perSecond = false, perYear = false;
        if (time != null) {
            String tt = time.replace("-1", "").toLowerCase(Locale.ROOT);
            perSecond = tt.equals("s");
            perYear = !perSecond;
        }
        return new QuantityUnit(t, kg, m.group("el"), m2, perSecond, perYear);
    }

    /** @return whether this is a value per area (density or flux) */
    public boolean isDensity() {
        return m2PerArea > 0;
    }

    /** @return whether this is a rate (per year or per second) */
    public boolean isRate() {
        return perSecond || perYear;
    }

    /**
     * Factor that turns a value in this unit into kg (amounts) or kg/m2 (densities), per year for rates.
     *
     * @param year  the year of the layer (its length in days matters for per-second fluxes), or 0 for 365 days
     */
    public double toKgFactor(int year) {
        double f = kgPerUnit / (isDensity() ? m2PerArea : 1);
        if (perSecond) {
            boolean leap = year > 0 && java.time.Year.isLeap(year);
            f *= (leap ? 366 : 365) * 86400.0;
        }
        return f;
    }
}
