package org.pacarbon.zonal.core;

/**
 * Statistics of one layer inside one zone, weighted by exact cell coverage fractions. Areas in m2.
 * Sums are kept in two forms so the caller picks by the layer's kind: {@link #sumTimesArea()} for densities
 * (value per area: Σ value × coverage × cell area) and {@link #sumTimesCoverage()} for per-cell amounts
 * (Σ value × coverage).
 */
public final class ZoneStats implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    double coveredArea;
    double validArea;
    double sumTimesArea;
    double sumTimesCoverage;
    double coverage;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    long cells;

    /** Creates statistics from sums (for derived layers); min, max and counts are unknown. */
    public static ZoneStats of(double coveredArea, double validArea, double sumTimesArea, double sumTimesCoverage) {
        ZoneStats s = new ZoneStats();
        s.coveredArea = coveredArea;
        s.validArea = validArea;
        s.sumTimesArea = sumTimesArea;
        s.sumTimesCoverage = sumTimesCoverage;
        return s;
    }

    /** @return area of the zone on the grid (valid and nodata), m2 */
    public double coveredArea() {
        return coveredArea;
    }

    /** @return area of the zone with valid values, m2 */
    public double validArea() {
        return validArea;
    }

    /** @return area of the zone on nodata cells, m2 */
    public double nodataArea() {
        return coveredArea - validArea;
    }

    /** @return Σ value × coverage × cell area (value unit × m2) */
    public double sumTimesArea() {
        return sumTimesArea;
    }

    /** @return Σ value × coverage (value unit) */
    public double sumTimesCoverage() {
        return sumTimesCoverage;
    }

    /** @return Σ coverage over valid cells (the weighted count of cells) */
    public double count() {
        return coverage;
    }

    /** @return smallest valid value of a cell the zone touches, or NaN */
    public double min() {
        return cells == 0 ? Double.NaN : min;
    }

    /** @return largest valid value of a cell the zone touches, or NaN */
    public double max() {
        return cells == 0 ? Double.NaN : max;
    }

    /** @return area-weighted mean value (for densities), or NaN */
    public double areaMean() {
        return validArea > 0 ? sumTimesArea / validArea : Double.NaN;
    }

    /** @return coverage-weighted mean value per cell (for amounts), or NaN */
    public double cellMean() {
        return coverage > 0 ? sumTimesCoverage / coverage : Double.NaN;
    }

    /** @return number of valid cells with a coverage above zero */
    public long cells() {
        return cells;
    }

    /** Statistics of the union of disjoint zones: the sum of theirs (min and max combined). */
    public static ZoneStats sum(java.util.List<ZoneStats> parts) {
        ZoneStats s = new ZoneStats();
        for (ZoneStats p : parts) {
            s.add(p);
        }
        return s;
    }

    /**
     * Adds the statistics of another part of the same zone (another block of rows, another task of a distributed run):
     * sums add, min and max combine. Cells are disjoint between parts, so the result is the whole zone's.
     */
    public void add(ZoneStats o) {
        coveredArea += o.coveredArea;
        validArea += o.validArea;
        sumTimesArea += o.sumTimesArea;
        sumTimesCoverage += o.sumTimesCoverage;
        coverage += o.coverage;
        min = Math.min(min, o.min);
        max = Math.max(max, o.max);
        cells += o.cells;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "ZoneStats[valid=%.6g m2, covered=%.6g m2, sum*area=%.6g, sum*cov=%.6g, min=%s, max=%s, cells=%d]",
                validArea, coveredArea, sumTimesArea, sumTimesCoverage, min(), max(), cells);
    }
}
