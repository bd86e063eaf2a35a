package org.pacarbon.gis.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.pacarbon.gis.core.text.Numbers;

/** Numbers as people read them: the values the workbench printed before (issue #15) and what a reader expects. */
class NumbersTest {
    private static String root(double v) {
        return Numbers.format(v, Locale.ROOT);
    }

    @Test
    void fourSignificantDigitsWithoutExponents() {
        assertEquals("0.00002061", root(2.06104e-05)); // was 2.06104e-05
        assertEquals("9,409,150", root(9.40915e+06)); // was 9.40915e+06
        assertEquals("2,011", root(2011.1402021482977)); // was 2011.1402021482977
        assertEquals("10", root(10.0));
        assertEquals("0", root(0.0));
        assertEquals("0", root(-0.0));
        assertEquals("0.0447", root(0.04470));
        assertEquals("-3.142", root(-Math.PI));
        assertEquals("12.35", root(12.3456));
        assertEquals("", root(Double.NaN));
    }

    @Test
    void outsideTheReadableRangeAPowerOfTen() {
        assertEquals("2.5 \u00d7 10\u207b\u2077", root(2.5e-7));
        assertEquals("1.235 \u00d7 10\u00b9\u2076", root(1.2346e16));
        assertEquals("1 \u00d7 10\u00b9\u2075", root(9.99999e14 * 1.0000011)); // 1.0000001e15 rounds to 1
    }

    @Test
    void unitsAndLocales() {
        // the default locale decides the separators (checked with explicit locales below); the unit always follows
        assertEquals(Numbers.format(2011.14) + " km2", Numbers.format(2011.14, "km2"));
        assertEquals("1.235", Numbers.format(1234.5, Locale.GERMANY)); // four digits: no decimals; German grouping
        assertEquals("0,25", Numbers.format(0.25, Locale.GERMANY));
        assertEquals("1,235", Numbers.format(1234.5, Locale.CHINA));
        assertEquals("5 km2", Numbers.format(5.0, "km2"));
        assertEquals("2 km2", Numbers.areaKm2(2e6));
        assertEquals("7.5", Numbers.format(7.5, (String) null));
    }

    @Test
    void percentagesHideRoundingNoiseOfSums() {
        // a growth between two sums of the same raster in another order: 1e-14 %, which is 0 to the reader
        assertEquals("0", Numbers.percent(100 * ((1.0 + 1e-16) / 1.0 - 1), Locale.ROOT));
        assertEquals("0", Numbers.percent(-0.0004, Locale.ROOT));
        assertEquals("0.001", Numbers.percent(0.0012, Locale.ROOT)); // at most three decimals
        assertEquals("1.089", Numbers.percent(1.0887, Locale.ROOT)); // four significant digits
        assertEquals("95.47", Numbers.percent(95.4712, Locale.ROOT));
        assertEquals("228.8", Numbers.percent(228.77, Locale.ROOT));
        assertEquals("1,234", Numbers.percent(1234.4, Locale.ROOT));
        assertEquals("", Numbers.percent(Double.NaN, Locale.ROOT));
    }
}
