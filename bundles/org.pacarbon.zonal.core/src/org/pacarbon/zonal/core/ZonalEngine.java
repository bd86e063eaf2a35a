package org.pacarbon.zonal.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;

import org.locationtech.jts.geom.Geometry;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.RasterSource;

/**
 * Zonal statistics of one raster layer for many zones: the raster is streamed in blocks of whole rows, each
 * block is read once, and the zones that meet the block are processed in parallel, each with its exact
 * coverage fractions. Memory: one block of the raster plus one coverage buffer per thread.
 */
public final class ZonalEngine {
    private static final int MIN_BLOCK_ROWS = 64;
    private static final int MAX_BLOCK_CELLS = 8_000_000;

    private ZonalEngine() {
    }

    /**
     * Computes the statistics of every zone.
     *
     * @param source     the raster
     * @param zones      zones in the raster's CRS (polygonal, valid); a {@code null} or empty zone gets empty stats
     * @param rowAreas   area in m2 of a cell of each row (see {@link CellAreas#perRow})
     * @param progress   receives the fraction done (0..1), may be {@code null}
     * @param cancelled  polled between blocks; the run ends with {@link CancellationException} when it says true
     */
    public static ZoneStats[] run(RasterSource source, List<Geometry> zones, double[] rowAreas, DoubleConsumer progress,
            BooleanSupplier cancelled) throws GisException {
        return run(source, zones, CellAreas.ofRows(rowAreas), progress, cancelled);
    }

    /** As {@link #run(RasterSource, List, double[], DoubleConsumer, BooleanSupplier)}, with cell areas that may vary per cell. */
    public static ZoneStats[] run(RasterSource source, List<Geometry> zones, CellAreas.Model rowAreas, DoubleConsumer progress,
            BooleanSupplier cancelled) throws GisException {
        GridSpec grid = source.grid();
        List<ZoneCoverage> cov = new ArrayList<>(zones.size());
        int rowMin = Integer.MAX_VALUE, rowMax = -1;
        for (Geometry z : zones) {
            ZoneCoverage c = z == null || z.isEmpty() ? null : ZoneCoverage.of(z, grid);
            cov.add(c);
            if (c != null) {
                rowMin = Math.min(rowMin, c.rowStart());
                rowMax = Math.max(rowMax, c.rowEnd());
            }
        }
        ZoneStats[] stats = new ZoneStats[zones.size()];
        for (int i = 0; i < stats.length; i++) {
            stats[i] = new ZoneStats();
        }
        if (rowMax < 0) {
            return stats;
        }
        int width = grid.width();
        int block = Math.max(source.blockRows(), MIN_BLOCK_ROWS);
        block = Math.max(1, Math.min(block, MAX_BLOCK_CELLS / width));
        float[] data = new float[block * width];
        ThreadLocal<double[]> buffers = ThreadLocal.withInitial(() -> new double[0]);
        for (int a = rowMin; a < rowMax; a += block) {
            if (cancelled != null && cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled");
            }
            int rowA = a;
            int rowB = Math.min(rowMax, a + block);
            List<Integer> active = new ArrayList<>();
            for (int i = 0; i < cov.size(); i++) {
                ZoneCoverage c = cov.get(i);
                if (c != null && c.rowStart() < rowB && c.rowEnd() > rowA) {
                    active.add(i);
                }
            }
            if (active.isEmpty()) {
                continue;
            }
            source.readRows(rowA, rowB - rowA, data);
            IntStream.range(0, active.size()).parallel().forEach(k -> {
                int zi = active.get(k);
                ZoneCoverage c = cov.get(zi);
                int ra = Math.max(rowA, c.rowStart());
                int rb = Math.min(rowB, c.rowEnd());
                int w = c.colEnd() - c.colStart();
                int need = (rb - ra) * w;
                double[] buf = buffers.get();
                if (buf.length < need) {
                    buf = new double[need];
                    buffers.set(buf);
                }
                c.band(ra, rb, buf);
                accumulate(stats[zi], buf, data, width, rowA, ra, rb, c.colStart(), w, rowAreas);
            });
            if (progress != null) {
                progress.accept((double) (rowB - rowMin) / (rowMax - rowMin));
            }
        }
        return stats;
    }

    /** {@link #accumulate} where every cell has its own area (grids on projections that are not equal-area). */
    private static void accumulatePerCell(ZoneStats s, double[] cov, float[] data, int width, int dataRow0, int ra, int rb,
            int c0, int w, CellAreas.Model areas) {
        double covered = 0, valid = 0, sumA = 0, sumC = 0, weight = 0;
        double min = s.min, max = s.max;
        long cells = 0;
        double[] ar = new double[w];
        for (int r = ra; r < rb; r++) {
            int ci = (r - ra) * w;
            int di = (r - dataRow0) * width + c0;
            int j0 = 0, j1 = w; // the covered part of the window's row: its cells' areas only
            while (j0 < j1 && cov[ci + j0] == 0) {
                j0++;
            }
            while (j1 > j0 && cov[ci + j1 - 1] == 0) {
                j1--;
            }
            areas.row(r, c0 + j0, c0 + j1, ar);
            for (int j = j0; j < j1; j++) {
                double f = cov[ci + j];
                if (f == 0) {
                    continue;
                }
                double area = ar[j - j0];
                covered += f * area;
                float v = data[di + j];
                if (!(Math.abs(v) <= Float.MAX_VALUE)) {
                    continue;
                }
                valid += f * area;
                sumA += f * v * area;
                sumC += f * v;
                weight += f;
                min = Math.min(min, v);
                max = Math.max(max, v);
                cells++;
            }
        }
        merge(s, covered, valid, sumA, sumC, weight, min, max, cells);
    }

    static void accumulate(ZoneStats s, double[] cov, float[] data, int width, int dataRow0, int ra, int rb,
            int c0, int w, CellAreas.Model areas) {
        if (areas.perCell()) {
            accumulatePerCell(s, cov, data, width, dataRow0, ra, rb, c0, w, areas);
            return;
        }
        double[] rowAreas = areas.rows();
        double covered = 0, valid = 0, sumA = 0, sumC = 0, weight = 0;
        double min = s.min, max = s.max;
        long cells = 0;
        for (int r = ra; r < rb; r++) {
            double area = rowAreas[r];
            int ci = (r - ra) * w;
            int di = (r - dataRow0) * width + c0;
            double rowCovered = 0, rowValid = 0, rowSum = 0, rowSumC = 0;
            for (int j = 0; j < w; j++) {
                double f = cov[ci + j];
                if (f == 0) {
                    continue;
                }
                rowCovered += f;
                float v = data[di + j];
                if (!(Math.abs(v) <= Float.MAX_VALUE)) { // NaN or infinite: nodata
                    continue;
                }
                rowValid += f;
                rowSumC += f * v;
                if (v < min) {
                    min = v;
                }
                if (v > max) {
                    max = v;
                }
                cells++;
            }
            rowSum = rowSumC * area;
            covered += rowCovered * area;
            valid += rowValid * area;
            sumA += rowSum;
            sumC += rowSumC;
            weight += rowValid;
        }
        merge(s, covered, valid, sumA, sumC, weight, min, max, cells);
    }

    private static void merge(ZoneStats s, double covered, double valid, double sumA, double sumC, double weight, double min,
            double max, long cells) {
        synchronized (s) {
            s.coveredArea += covered;
            s.validArea += valid;
            s.sumTimesArea += sumA;
            s.sumTimesCoverage += sumC;
            s.coverage += weight;
            s.min = Math.min(s.min, min);
            s.max = Math.max(s.max, max);
            s.cells += cells;
        }
    }
}
