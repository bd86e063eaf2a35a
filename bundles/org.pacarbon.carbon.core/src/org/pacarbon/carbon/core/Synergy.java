package org.pacarbon.carbon.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

import org.pacarbon.gis.core.raster.GridSpec;

/**
 * Synergy zoning (research question 12): a carbon layer and a biodiversity layer, each split into high and low, give
 * four classes; the contiguous (4-neighbour) patches of "both high" cells at least half outside PAs are the
 * candidates for new PAs or OECMs.
 */
public final class Synergy {
    /** Class codes of the class raster. */
    public static final int BOTH = 1;
    public static final int CARBON_ONLY = 2;
    public static final int BIO_ONLY = 3;
    public static final int NEITHER = 4;
    /** What each class means, by code (index 0 unused). */
    public static final List<String> NAMES = List.of("", "both high (key synergy area)",
            "carbon high only (candidate OECM or carbon park)", "biodiversity high only", "both low");

    /** A candidate patch: its cells, area (m2), centre (the mean of its cell centres, in the grid's CRS) and mean carbon. */
    public record Patch(long cells, double area, double centreX, double centreY, double meanCarbon) {
    }

    private Synergy() {
    }

    /** The class of a cell from its carbon and biodiversity values and the thresholds (high: at or above). */
    public static int classOf(double carbon, double bio, double carbonThreshold, double bioThreshold) {
        boolean hc = carbon >= carbonThreshold;
        boolean hb = bio >= bioThreshold;
        return hc && hb ? BOTH : hc ? CARBON_ONLY : hb ? BIO_ONLY : NEITHER;
    }

    /**
     * The 4-connected patches of class {@link #BOTH} cells at least half outside PAs whose area is at least
     * {@code minArea} (m2), largest first.
     *
     * @param cls class of each cell, row by row
     * @param outside the share of each cell outside all PAs
     * @param rowArea area of a cell in each row (m2)
     * @param rowDone told at the start of each row scanned; it may throw a CancellationException to stop
     */
    public static List<Patch> patches(GridSpec g, byte[] cls, float[] carbon, float[] outside, double[] rowArea, double minArea,
            IntConsumer rowDone) {
        int w = g.width();
        int h = g.height();
        int[] label = new int[cls.length];
        int[] stack = new int[Math.min(cls.length, 1 << 20)];
        List<Patch> out = new ArrayList<>();
        int next = 0;
        for (int start = 0; start < cls.length; start++) {
            if (start % w == 0) {
                rowDone.accept(start / w);
            }
            if (label[start] != 0 || cls[start] != BOTH || outside[start] < 0.5f) {
                continue;
            }
            next++;
            int sp = 0;
            stack[sp++] = start;
            label[start] = next;
            long cells = 0;
            double a = 0;
            double sx = 0;
            double sy = 0;
            double sc = 0;
            while (sp > 0) {
                int i = stack[--sp];
                int x = i % w;
                int y = i / w;
                cells++;
                a += rowArea[y];
                sx += g.x(x + 0.5);
                sy += g.y(y + 0.5);
                sc += carbon[i];
                int[] nb = {x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1};
                for (int j : nb) {
                    if (j >= 0 && label[j] == 0 && cls[j] == BOTH && outside[j] >= 0.5f) {
                        label[j] = next;
                        if (sp == stack.length) {
                            stack = Arrays.copyOf(stack, Math.min(cls.length, stack.length * 2));
                        }
                        stack[sp++] = j;
                    }
                }
            }
            if (a >= minArea) {
                out.add(new Patch(cells, a, sx / cells, sy / cells, sc / cells));
            }
        }
        out.sort((p, q) -> Double.compare(q.area(), p.area()));
        return out;
    }
}
