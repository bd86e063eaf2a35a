package org.pacarbon.carbon.core;

/**
 * The sums of a gap analysis (research question 9: where are the high-value places no PA covers), cell by cell with
 * exact partial coverage: the valid area, the high-value area, how much of it lies inside and outside all PAs, and
 * the layer's amount (value x area) in the gap; the same per region. A cell is a hotspot when it is high-value and
 * at least half outside all PAs.
 */
public final class GapTally {
    private final double threshold;
    private double valid;
    private double high;
    private double highInside;
    private double highOutside;
    private double amountOutside;
    private final double[][] regions;

    /**
     * @param threshold cells at or above it are high-value
     * @param regions how many regions are tallied apart (0: none)
     */
    public GapTally(double threshold, int regions) {
        this.threshold = threshold;
        this.regions = new double[regions][3];
    }

    public double threshold() {
        return threshold;
    }

    /**
     * Adds a valid cell: its value, its area (m2) and the share of it inside PAs (0..1); returns whether it is a
     * hotspot (high-value and at least half outside all PAs).
     */
    public boolean add(double value, double area, double inPas) {
        valid += area;
        if (value < threshold) {
            return false;
        }
        high += area;
        highInside += area * inPas;
        highOutside += area * (1 - inPas);
        amountOutside += value * area * (1 - inPas);
        return inPas <= 0.5;
    }

    /** Adds the part of a cell that lies in region {@code k} (share {@code inRegion}) to that region's sums. */
    public void addToRegion(int k, double value, double area, double inPas, double inRegion) {
        if (value >= threshold) {
            regions[k][0] += area * inRegion;
            regions[k][1] += area * inRegion * (1 - inPas);
            regions[k][2] += value * area * inRegion * (1 - inPas);
        }
    }

    /** Valid area, m2. */
    public double validArea() {
        return valid;
    }

    /** High-value area, m2. */
    public double highArea() {
        return high;
    }

    public double highInside() {
        return highInside;
    }

    /** The gap: high-value area outside all PAs, m2. */
    public double highOutside() {
        return highOutside;
    }

    /** The gap's share of the high-value area, % (NaN without high-value cells). */
    public double gapPercent() {
        return high > 0 ? 100 * highOutside / high : Double.NaN;
    }

    /** The layer's amount in the gap: value x area (the layer's unit x m2). */
    public double amountOutside() {
        return amountOutside;
    }

    /** Region {@code k}: high-value area, gap area (m2) and amount in the gap. */
    public double[] region(int k) {
        return regions[k].clone();
    }
}
