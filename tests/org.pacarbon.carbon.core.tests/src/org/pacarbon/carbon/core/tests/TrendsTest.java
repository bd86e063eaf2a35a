package org.pacarbon.carbon.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pacarbon.carbon.core.Trends;

/** Sen's slope and the compound annual growth rate against values worked out by hand. */
public final class TrendsTest {
    @Test
    public void sensSlopeIsTheMedianOfThePairwiseSlopes() {
        // (2000, 1), (2005, 3), (2010, 2), (2015, 6): slopes 0.4, 0.1, 1/3, -0.2, 0.3, 0.8; sorted -0.2, 0.1, 0.3,
        // 1/3, 0.4, 0.8; an even count: the median is (0.3 + 1/3) / 2
        double[] x = {2000, 2005, 2010, 2015};
        double[] y = {1, 3, 2, 6};
        assertEquals((0.3 + 1.0 / 3) / 2, Trends.sen(x, y, 4), 1e-12);
        // the first three only: slopes 0.4, 0.1, -0.2 -> 0.1; an outlier does not move it as a least-squares line would
        assertEquals(0.1, Trends.sen(x, y, 3), 1e-12);
        assertTrue(Double.isNaN(Trends.sen(x, y, 1)));
        assertTrue(Double.isNaN(Trends.sen(new double[] {2000, 2000}, new double[] {1, 2}, 2)), "no pair with different years");
    }

    @Test
    public void compoundAnnualGrowth() {
        assertEquals(10, Trends.cagrPercent(100, 121, 2000, 2002), 1e-12); // 100 * 1.1 * 1.1 = 121
        assertEquals(-50, Trends.cagrPercent(8, 4, 2010, 2011), 1e-12);
        assertTrue(Double.isNaN(Trends.cagrPercent(0, 5, 2000, 2010)), "no growth rate from zero");
        assertTrue(Double.isNaN(Trends.cagrPercent(5, 6, 2010, 2010)), "years must increase");
    }
}
