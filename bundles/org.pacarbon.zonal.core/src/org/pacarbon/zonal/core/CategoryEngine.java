package org.pacarbon.zonal.core;

import org.eclipse.jdt.annotation.Nullable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;

import org.locationtech.jts.geom.Geometry;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.RasterSource;

/**
 * Zonal statistics of one layer for an assessment's categories and its single zones in one pass over the raster,
 * without overlaying whole polygons.
 *
 * <p>The categories are disjoint: each class's own part (its zones inside the region, minus every class before it:
 * the precedence where PAs overlap) and the region outside all classes. They are derived per cell from the exact
 * coverage fractions the single zones need anyway: a cell fully inside a zone of class k belongs to the first such
 * class; a cell crossed by one boundary takes that zone's fraction; only cells crossed by two or more boundaries (two
 * zones, or a zone and the region's edge) are measured locally and exactly ({@link CellSweep}). A region given as a
 * mask on the layer's grid is applied per cell (1 on valid non-zero cells), never turned into polygons.</p>
 *
 * <p>The raster is read once, in blocks of whole rows; each block is cut into bands of rows processed in parallel,
 * each band computing its zones' coverage once for both the single-zone statistics and the categories.</p>
 */
public final class CategoryEngine {
    /** Coverage at or above this counts as the whole cell (coverage fractions carry rounding of about 1e-15). */
    static final double FULL = ZoneCoverage.SNAP;
    private static final int BAND_ROWS = 16;
    private static final int MIN_BLOCK_ROWS = 64;
    private static final int MAX_BLOCK_CELLS = 8_000_000;

    private CategoryEngine() {
    }

    /** The region of the categories: polygons in the raster's CRS, or a mask raster on the raster's own grid. */
    public sealed interface Region permits PolygonRegion, MaskRegion {
    }

    /** A polygonal region (in the raster's CRS). */
    public record PolygonRegion(Geometry geometry) implements Region {
    }

    /** A mask on the same cells as the measured raster: valid, non-zero cells are the region. */
    public record MaskRegion(RasterSource mask) implements Region {
    }

    /**
     * The statistics: {@code classes[k]} of class k's own part, {@code outside} of the region outside every class,
     * {@code zones[i]} of single zone i (its whole polygon, region or not).
     */
    public record Result(ZoneStats[] classes, ZoneStats outside, ZoneStats[] zones) implements java.io.Serializable {
        /**
         * The statistics of two disjoint sets of rows together (the parts of a run split by rows): every zone's and
         * category's sums added. Both must have the same classes and zones.
         */
        public Result plus(Result o) {
            if (o.classes.length != classes.length || o.zones.length != zones.length) {
                throw new IllegalArgumentException("results of different zones: " + zones.length + " and " + o.zones.length);
            }
            ZoneStats[] c = new ZoneStats[classes.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = ZoneStats.sum(List.of(classes[i], o.classes[i]));
            }
            ZoneStats[] z = new ZoneStats[zones.length];
            for (int i = 0; i < z.length; i++) {
                z[i] = ZoneStats.sum(List.of(zones[i], o.zones[i]));
            }
            return new Result(c, ZoneStats.sum(List.of(outside, o.outside)), z);
        }

        /** Empty statistics for {@code classCount} classes and {@code zoneCount} zones (the start of a sum of parts). */
        public static Result empty(int classCount, int zoneCount) {
            ZoneStats[] c = new ZoneStats[classCount];
            for (int i = 0; i < c.length; i++) {
                c[i] = new ZoneStats();
            }
            ZoneStats[] z = new ZoneStats[zoneCount];
            for (int i = 0; i < z.length; i++) {
                z[i] = new ZoneStats();
            }
            return new Result(c, new ZoneStats(), z);
        }

        /** @return the statistics of the whole region (the sum of the disjoint categories) */
        public ZoneStats region() {
            List<ZoneStats> all = new ArrayList<>(Arrays.asList(classes));
            all.add(outside);
            return ZoneStats.sum(all);
        }

        /** @return the statistics of all classes together (protected) */
        public ZoneStats allClasses() {
            return ZoneStats.sum(Arrays.asList(classes));
        }
    }

    /**
     * Measures a raster.
     *
     * @param source      the raster
     * @param region      the region
     * @param zones       single zones in the raster's CRS ({@code null} or empty: empty statistics)
     * @param classOf     class index (0 = first in precedence) of each zone, or -1 for a zone in no class
     * @param classCount  number of classes
     * @param rowAreas    area (m2) of a cell of each row ({@link CellAreas#perRow})
     * @param progress    receives the fraction done, may be {@code null}
     * @param cancelled   polled between bands; the run ends with {@link CancellationException} when it says true
     */
    public static Result run(RasterSource source, Region region, List<Geometry> zones, int[] classOf, int classCount,
            double[] rowAreas, @Nullable DoubleConsumer progress, @Nullable BooleanSupplier cancelled) throws GisException {
        return run(source, region, zones, classOf, classCount, CellAreas.ofRows(rowAreas), progress, cancelled);
    }

    /** As {@link #run(RasterSource, Region, List, int[], int, double[], DoubleConsumer, BooleanSupplier)} with per-cell areas. */
    public static Result run(RasterSource source, Region region, List<Geometry> zones, int[] classOf, int classCount,
            CellAreas.Model rowAreas, @Nullable DoubleConsumer progress, @Nullable BooleanSupplier cancelled) throws GisException {
        return run(source, region, zones, classOf, classCount, rowAreas, 0, Integer.MAX_VALUE, progress, cancelled);
    }

    /**
     * As {@link #run(RasterSource, Region, List, int[], int, CellAreas.Model, DoubleConsumer, BooleanSupplier)} for the
     * rows {@code rowFrom .. rowTo-1} only: the part of a run that one worker of a distributed run does. Coverage is that
     * of the whole polygons, so the parts of a grid cut into row ranges add up ({@link Result#plus}) to the whole run's
     * statistics, up to the order of summation. Ranges that start on multiples of {@link RasterSource#blockRows()} decode
     * each tile of the file once.
     */
    public static Result run(RasterSource source, Region region, List<Geometry> zones, int[] classOf, int classCount,
            CellAreas.Model rowAreas, int rowFrom, int rowTo, @Nullable DoubleConsumer progress, @Nullable BooleanSupplier cancelled) throws GisException {
        GridSpec grid = source.grid();
        if (region instanceof MaskRegion m && !(m.mask().grid().sameCells(grid))) {
            throw new IllegalArgumentException("the mask " + m.mask().file() + " is not on the grid of " + source.file());
        }
        @Nullable ZoneCoverage[] cov = new ZoneCoverage[zones.size()];
        for (int i = 0; i < cov.length; i++) {
            Geometry z = zones.get(i);
            cov[i] = z == null || z.isEmpty() ? null : ZoneCoverage.of(z, grid);
        }
        @Nullable ZoneCoverage regionCov = region instanceof PolygonRegion p ? ZoneCoverage.of(p.geometry(), grid) : null;
        Pass pass = new Pass(source, region instanceof MaskRegion m ? m.mask() : null, regionCov, cov, classOf, classCount, rowAreas);
        int rowMin, rowMax;
        if (region instanceof MaskRegion) {
            rowMin = 0;
            rowMax = grid.height();
        } else {
            rowMin = regionCov == null ? Integer.MAX_VALUE : regionCov.rowStart();
            rowMax = regionCov == null ? -1 : regionCov.rowEnd();
        }
        for (ZoneCoverage c : cov) {
            if (c != null) {
                rowMin = Math.min(rowMin, c.rowStart());
                rowMax = Math.max(rowMax, c.rowEnd());
            }
        }
        rowMin = Math.max(rowMin, rowFrom);
        rowMax = Math.min(rowMax, rowTo);
        if (rowMax > rowMin) {
            int width = grid.width();
            int block = blockRows(source);
            float[] data = new float[block * width];
            RasterSource maskSource = pass.mask;
            float[] mask = maskSource != null ? new float[block * width] : null;
            // blocks start on multiples of the block height (the file's tile or strip rows): each tile is decoded once
            for (int a = rowMin - Math.floorMod(rowMin, block); a < rowMax; a += block) {
                checkCancelled(cancelled);
                int rowA = Math.max(a, rowMin), rowB = Math.min(rowMax, a + block);
                if (!pass.anything(rowA, rowB)) {
                    continue;
                }
                source.readRows(rowA, rowB - rowA, data);
                if (maskSource != null && mask != null) {
                    maskSource.readRows(rowA, rowB - rowA, mask);
                }
                int bands = (rowB - rowA + BAND_ROWS - 1) / BAND_ROWS;
                Sums[] sums = new Sums[bands];
                IntStream.range(0, bands).parallel().forEach(b -> {
                    if (cancelled != null && cancelled.getAsBoolean()) {
                        return;
                    }
                    int ra = rowA + b * BAND_ROWS;
                    sums[b] = pass.band(ra, Math.min(rowB, ra + BAND_ROWS), data, mask, rowA);
                });
                checkCancelled(cancelled);
                // added in the bands' order, whichever thread finished first: the same sums to the last bit on every run
                for (Sums band : sums) {
                    pass.add(band);
                }
                if (progress != null) {
                    progress.accept((double) (rowB - rowMin) / (rowMax - rowMin));
                }
            }
        }
        return new Result(pass.classStats, pass.outsideStats, pass.zoneStats);
    }

    /**
     * The rows the engine reads at once from a source (a multiple of the file's tile or strip height, bounded in cells):
     * a row range of {@link #run(RasterSource, Region, List, int[], int, CellAreas.Model, int, int, DoubleConsumer, BooleanSupplier)}
     * that starts and ends on multiples of it reads no tile twice.
     */
    public static int blockRows(RasterSource source) {
        int block = Math.max(source.blockRows(), MIN_BLOCK_ROWS);
        return Math.max(1, Math.min(block, MAX_BLOCK_CELLS / source.grid().width()));
    }

    private static void checkCancelled(@Nullable BooleanSupplier cancelled) {
        if (cancelled != null && cancelled.getAsBoolean()) {
            throw new CancellationException("cancelled");
        }
    }

    /**
     * One band's statistics: of its zones ({@code zones[j]} of zone {@code zone[j]}) and of its categories
     * ({@code categories[c]} of class c's part, {@code categories[k]} outside all classes).
     */
    private record Sums(int[] zone, ZoneStats[] zones, ZoneStats[] categories) {
    }

    /** The state of one run: the zones, the statistics being summed, and per-thread scratch space. */
    private static final class Pass {
        final @Nullable RasterSource mask;
        final @Nullable ZoneCoverage region;
        final @Nullable ZoneCoverage[] cov;
        final int[] classOf;
        final int k;
        final CellAreas.Model areas;
        final int width;
        final ZoneStats[] zoneStats;
        final ZoneStats[] classStats;
        final ZoneStats outsideStats = new ZoneStats();
        final ThreadLocal<Scratch> scratch;

        Pass(RasterSource source, @Nullable RasterSource mask, @Nullable ZoneCoverage region, @Nullable ZoneCoverage[] cov, int[] classOf, int k, CellAreas.Model areas) {
            this.mask = mask;
            this.region = region;
            this.cov = cov;
            this.classOf = classOf;
            this.k = k;
            this.areas = areas;
            this.width = source.grid().width();
            zoneStats = new ZoneStats[cov.length];
            for (int i = 0; i < cov.length; i++) {
                zoneStats[i] = new ZoneStats();
            }
            classStats = new ZoneStats[k];
            for (int i = 0; i < k; i++) {
                classStats[i] = new ZoneStats();
            }
            scratch = ThreadLocal.withInitial(() -> new Scratch(BAND_ROWS * width, k));
        }

        boolean anything(int a, int b) {
            ZoneCoverage region = this.region;
            if (mask != null || (region != null && region.rowStart() < b && region.rowEnd() > a)) {
                return true;
            }
            for (ZoneCoverage c : cov) {
                if (c != null && c.rowStart() < b && c.rowEnd() > a) {
                    return true;
                }
            }
            return false;
        }

        /** Adds a band's statistics to the run's. */
        void add(Sums band) {
            for (int j = 0; j < band.zone().length; j++) {
                zoneStats[band.zone()[j]].add(band.zones()[j]);
            }
            for (int c = 0; c <= k; c++) {
                (c < k ? classStats[c] : outsideStats).add(band.categories()[c]);
            }
        }

        /**
         * Processes rows a .. b-1; {@code data} and {@code maskRows} hold the block starting at row {@code dataRow0}.
         *
         * @return the band's statistics (added to the run's in the order of the bands by the caller)
         */
        Sums band(int a, int b, float[] data, float @Nullable [] maskRows, int dataRow0) {
            Scratch s = scratch.get();
            int touched = 0; // zones met: s.zoneOf[0 .. touched-1], their statistics s.zoneSums
            // the columns where some zone of a class may lie in this band (the zones' windows, merged): the cells'
            // class state is kept and read there only; elsewhere every cell is outside all classes
            s.windows = 0;
            for (int i = 0; i < cov.length; i++) {
                ZoneCoverage c = cov[i];
                if (c != null && classOf[i] >= 0 && c.rowStart() < b && c.rowEnd() > a) {
                    s.addWindow(c.colStart(), c.colEnd());
                }
            }
            s.mergeWindows();
            for (int r = a; r < b; r++) {
                for (int q = 0; q < s.windows; q++) {
                    int o = (r - a) * width;
                    Arrays.fill(s.full, o + s.winStart[q], o + s.winEnd[q], k);
                    Arrays.fill(s.pcount, o + s.winStart[q], o + s.winEnd[q], 0);
                }
            }
            s.extras = 0;
            s.strips.clear();
            // single zones: their statistics, and what they say about each cell's classes
            for (int i = 0; i < cov.length; i++) {
                ZoneCoverage c = cov[i];
                if (c == null || c.rowStart() >= b || c.rowEnd() <= a) {
                    continue;
                }
                int ra = Math.max(a, c.rowStart()), rb = Math.min(b, c.rowEnd());
                int c0 = c.colStart(), w = c.colEnd() - c0;
                double[] buf = s.buffer((rb - ra) * w);
                c.band(ra, rb, buf);
                ZoneStats part = new ZoneStats();
                ZonalEngine.accumulate(part, buf, data, width, dataRow0, ra, rb, c0, w, areas);
                s.met(touched++, i, part);
                int ci = classOf[i];
                if (ci < 0) {
                    continue;
                }
                for (int r = ra; r < rb; r++) {
                    int bi = (r - ra) * w, cell0 = (r - a) * width + c0;
                    for (int j = 0; j < w; j++) {
                        double f = buf[bi + j];
                        if (f == 0) {
                            continue;
                        }
                        int cell = cell0 + j;
                        if (f >= FULL) {
                            if (ci < s.full[cell]) {
                                s.full[cell] = ci;
                            }
                        } else {
                            int m = s.pcount[cell]++;
                            if (m == 0) {
                                s.pfirst[cell] = i;
                                s.pfrac[cell] = f;
                            } else {
                                if (m == 1) {
                                    s.addExtra(cell, s.pfirst[cell], s.pfrac[cell]);
                                }
                                s.addExtra(cell, i, f);
                            }
                        }
                    }
                }
            }
            s.sortExtras();
            // the region: a polygon's coverage as runs of cells per row (mostly long runs of whole cells), or a mask
            int rc0 = 0, rc1 = width, rr0 = a, rr1 = b;
            ZoneCoverage region = this.region;
            ZoneCoverage.Runs runs = null;
            if (region != null) {
                rc0 = region.colStart();
                rc1 = region.colEnd();
                rr0 = Math.max(a, region.rowStart());
                rr1 = Math.min(b, region.rowEnd());
                if (rr0 < rr1) {
                    runs = s.runs;
                    region.bandRuns(rr0, rr1, runs);
                }
            } else if (mask == null) {
                rr1 = rr0; // the region does not meet the grid
            }
            s.resetAcc();
            int xi = 0; // next extra (sorted by cell); moved on only where a cell has two or more partial zones
            double[] ar = s.areaRow(rc1 - rc0);
            for (int r = rr0; r < rr1; r++) {
                areas.row(r, rc0, rc1, ar);
                int di = (r - dataRow0) * width;
                s.window = 0;
                if (runs != null) {
                    int i = r - rr0;
                    for (int q = runs.first(i), e = runs.first(i + 1); q < e; q++) {
                        xi = cells(s, a, b, r, runs.start(q), runs.end(q), runs.value(q), null, data, di, ar, rc0, xi);
                    }
                } else {
                    xi = cells(s, a, b, r, rc0, rc1, 0, maskRows, data, di, ar, rc0, xi);
                }
            }
            return new Sums(Arrays.copyOf(s.zoneOf, touched), Arrays.copyOf(s.zoneSums, touched), s.categories());
        }

        /**
         * Cells {@code x0 .. x1-1} of row {@code r}, all with region coverage {@code rf} or, with a mask region, 1 on
         * its valid non-zero cells: split at the zones' windows (the cursor {@code s.window} moves on along the row).
         *
         * @return the extras' cursor for the next cells of the band
         */
        private int cells(Scratch s, int a, int b, int r, int x0, int x1, double rf, float @Nullable [] maskRows, float[] data, int di,
                double[] ar, int arCol0, int xi) {
            int q = s.window;
            int x = x0;
            while (x < x1) {
                while (q < s.windows && s.winEnd[q] <= x) {
                    q++;
                }
                if (q == s.windows || s.winStart[q] >= x1) {
                    outsideClasses(s, rf, maskRows, data, di, ar, arCol0, x, x1);
                    break;
                }
                int wa = Math.max(x, s.winStart[q]);
                if (wa > x) {
                    outsideClasses(s, rf, maskRows, data, di, ar, arCol0, x, wa);
                }
                int wb = Math.min(x1, s.winEnd[q]);
                xi = inWindow(s, a, b, r, wa, wb, rf, maskRows, data, di, ar, arCol0, xi);
                x = wb;
            }
            s.window = q;
            return xi;
        }

        /**
         * Cells {@code x0 .. x1-1} of a row where no zone of a class lies: all go outside the classes, weighted by the
         * region's coverage {@code regionCover} or, with a mask region, 1 on valid non-zero mask cells.
         */
        private void outsideClasses(Scratch s, double regionCover, float @Nullable [] mask, float[] data, int di,
                double[] ar, int arCol0, int x0, int x1) {
            if (mask == null && regionCover != 1) { // cells partly in the region
                for (int col = x0; col < x1; col++) {
                    s.add(k, regionCover, data[di + col], ar[col - arCol0]);
                }
                return;
            }
            double runArea = 0, runValid = 0, runSumA = 0, runSumV = 0, runMin = Double.POSITIVE_INFINITY, runMax = Double.NEGATIVE_INFINITY;
            long runCells = 0;
            for (int col = x0; col < x1; col++) {
                double rf = 1;
                if (mask != null) {
                    float mv = mask[di + col];
                    rf = mv == mv && mv != 0 ? 1 : 0;
                }
                if (rf == 1) {
                    float v = data[di + col];
                    double area = ar[col - arCol0];
                    runArea += area;
                    if (Math.abs(v) <= Float.MAX_VALUE) { // else NaN or infinite: nodata
                        runValid += area;
                        runSumA += area * v;
                        runSumV += v;
                        runCells++;
                        if (v < runMin) {
                            runMin = v;
                        }
                        if (v > runMax) {
                            runMax = v;
                        }
                    }
                }
            }
            s.addRun(k, runArea, runValid, runSumA, runSumV, runCells, runMin, runMax);
        }

        /**
         * Cells {@code x0 .. x1-1} of row {@code r} inside the zones' windows: each cell's categories from its class
         * state. The common cell - wholly in the region, crossed by no zone's boundary - goes to the first class covering
         * it (or outside) with weight 1, and a run of such cells of one category is summed in locals and added once.
         *
         * @return the extras' cursor for the next cells of the band
         */
        private int inWindow(Scratch s, int a, int b, int r, int x0, int x1, double regionCover, float @Nullable [] maskRows,
                float[] data, int di, double[] ar, int arCol0, int xi) {
            int[] full = s.full, pcount = s.pcount;
            int ci = (r - a) * width;
            int run = -1;
            double runArea = 0, runValid = 0, runSumA = 0, runSumV = 0, runMin = Double.POSITIVE_INFINITY, runMax = Double.NEGATIVE_INFINITY;
            long runCells = 0;
            for (int col = x0; col < x1; col++) {
                double rf = regionCover;
                if (maskRows != null) {
                    float mv = maskRows[di + col];
                    rf = mv == mv && mv != 0 ? 1 : 0;
                    if (rf == 0) {
                        continue;
                    }
                }
                int cell = ci + col;
                float v = data[di + col];
                double area = ar[col - arCol0];
                int pc = pcount[cell];
                if (pc == 0 && rf == 1) {
                    int cat = full[cell];
                    if (cat != run) {
                        if (run >= 0) {
                            s.addRun(run, runArea, runValid, runSumA, runSumV, runCells, runMin, runMax);
                        }
                        run = cat;
                        runArea = runValid = runSumA = runSumV = 0;
                        runMin = Double.POSITIVE_INFINITY;
                        runMax = Double.NEGATIVE_INFINITY;
                        runCells = 0;
                    }
                    runArea += area;
                    if (Math.abs(v) <= Float.MAX_VALUE) {
                        runValid += area;
                        runSumA += area * v;
                        runSumV += v;
                        runCells++;
                        if (v < runMin) {
                            runMin = v;
                        }
                        if (v > runMax) {
                            runMax = v;
                        }
                    }
                    continue;
                }
                if (pc > 1) { // the cell's partial zones are the extras from the first one of this cell on
                    while (xi < s.extras && s.extraCell(xi) < cell) {
                        xi++;
                    }
                }
                cell(s, a, b, r, col, cell, rf, pc, v, area, xi);
            }
            if (run >= 0) {
                s.addRun(run, runArea, runValid, runSumA, runSumV, runCells, runMin, runMax);
            }
            return xi;
        }

        /**
         * A cell partly in the region or crossed by a zone's boundary: its categories' shares. With two or more partial
         * zones ({@code pc > 1}) they are the sorted extras from {@code xi} on.
         */
        private void cell(Scratch s, int a, int b, int r, int col, int cell, double rf, int pc, float v, double area, int xi) {
            int fc = s.full[cell];
            int rest = fc < k ? fc : k;
            if (pc == 0 || (pc == 1 && classOf[s.pfirst[cell]] >= fc)) {
                s.add(rest, rf, v, area);
                return;
            }
            if (pc == 1 && rf >= FULL) {
                double f = s.pfrac[cell];
                s.add(classOf[s.pfirst[cell]], f, v, area);
                s.add(rest, 1 - f, v, area);
                return;
            }
            // the partial zones that matter: those of a class before the first class covering the whole cell
            s.relevant = 0;
            if (pc == 1) {
                s.addRelevant(s.pfirst[cell], s.pfrac[cell]);
            } else {
                for (int q = xi; q < s.extras && s.extraCell(q) == cell; q++) {
                    int zi = s.extraZone(q);
                    if (classOf[zi] < fc) {
                        s.addRelevant(zi, s.extraFrac(q));
                    }
                }
            }
            if (s.relevant == 0) {
                s.add(rest, rf, v, area);
            } else if (s.relevant == 1 && rf >= FULL) {
                double f = s.relFrac[0];
                s.add(classOf[s.relZone[0]], f, v, area);
                s.add(rest, 1 - f, v, area);
            } else {
                exactCell(s, a, b, r, col, rf, fc, v, area);
            }
        }

        /** A cell where two or more boundaries meet: the categories' areas measured exactly inside the cell. */
        private void exactCell(Scratch s, int a, int b, int r, int col, double rf, int fc, float v, double area) {
            CellSweep sweep = s.sweep;
            int slots = s.relevant + 1; // slot 0: the region
            sweep.reset(slots);
            double u0 = col, u1 = col + 1, v0 = r, v1 = r + 1;
            ZoneCoverage region = this.region;
            if (rf >= FULL || region == null) { // a mask region holds whole cells
                sweep.addBox(0, u0, v0, u1, v1);
            } else {
                sweep.addClipped(0, s.strip(-1, region, a, b), u0, v0, u1, v1);
            }
            for (int q = 0; q < s.relevant; q++) {
                int zi = s.relZone[q];
                ZoneCoverage c = cov[zi];
                if (c != null) { // relevant zones have a coverage
                    sweep.addClipped(q + 1, s.strip(zi, c, a, b), u0, v0, u1, v1);
                }
            }
            double[] own = s.own;
            Arrays.fill(own, 0, k + 1, 0);
            int[] relClass = s.relClass;
            for (int q = 0; q < s.relevant; q++) {
                relClass[q] = classOf[s.relZone[q]];
            }
            int nRel = s.relevant;
            sweep.sweep(u0, u1, slots, (piece, wind) -> {
                if (wind[0] == 0) {
                    return;
                }
                int best = Integer.MAX_VALUE;
                for (int q = 0; q < nRel; q++) {
                    if (wind[q + 1] != 0 && relClass[q] < best) {
                        best = relClass[q];
                    }
                }
                if (best != Integer.MAX_VALUE) {
                    own[best] += piece;
                }
            });
            double taken = 0;
            for (int c = 0; c < k; c++) {
                if (own[c] > 0) {
                    double f = Math.min(own[c], rf - taken);
                    s.add(c, f, v, area);
                    taken += f;
                }
            }
            double rest = rf - taken;
            if (rest > 1e-12) {
                s.add(fc < k ? fc : k, rest, v, area);
            }
        }
    }

    /** Per-thread scratch space: the state of a band's cells and the categories' partial sums. */
    private static final class Scratch {
        final int[] full;
        final int[] pcount;
        final int[] pfirst;
        final double[] pfrac;
        long[] extraKeys = new long[256];
        int[] extraZone = new int[256];
        double[] extraFrac = new double[256];
        int extras;
        int[] relZone = new int[8];
        int[] relClass = new int[8];
        double[] relFrac = new double[8];
        int relevant;
        int[] winStart = new int[16], winEnd = new int[16]; // the zones' column windows in a band, merged
        int windows;
        double[] buf = new double[0];
        double[] areaRow = new double[0];
        final ZoneCoverage.Runs runs = new ZoneCoverage.Runs();
        int window; // the first of the band's windows that may lie at or after the current column of a row
        final double[] own;
        final CellSweep sweep = new CellSweep();
        final Map<Integer, double[][]> strips = new HashMap<>();
        // partial sums per category (classes, then outside): covered, valid, sum x area, sum x coverage, weight
        final double[] acc;
        final double[] min;
        final double[] max;
        final long[] cells;
        final int k;

        Scratch(int n, int k) {
            full = new int[n];
            pcount = new int[n];
            pfirst = new int[n];
            pfrac = new double[n];
            own = new double[k + 1];
            acc = new double[5 * (k + 1)];
            min = new double[k + 1];
            max = new double[k + 1];
            cells = new long[k + 1];
            this.k = k;
        }

        double[] buffer(int n) {
            if (buf.length < n) {
                buf = new double[n];
            }
            return buf;
        }

        void addWindow(int c0, int c1) {
            if (windows == winStart.length) {
                winStart = Arrays.copyOf(winStart, windows * 2);
                winEnd = Arrays.copyOf(winEnd, windows * 2);
            }
            winStart[windows] = c0;
            winEnd[windows] = c1;
            windows++;
        }

        /** Sorts the windows by their first column and merges those that overlap or touch. */
        void mergeWindows() {
            if (windows < 2) {
                return;
            }
            long[] keys = new long[windows];
            for (int q = 0; q < windows; q++) {
                keys[q] = ((long) winStart[q] << 32) | (winEnd[q] & 0xffffffffL);
            }
            Arrays.sort(keys);
            int m = 0;
            for (long key : keys) {
                int c0 = (int) (key >>> 32), c1 = (int) key;
                if (m > 0 && c0 <= winEnd[m - 1]) {
                    winEnd[m - 1] = Math.max(winEnd[m - 1], c1);
                } else {
                    winStart[m] = c0;
                    winEnd[m] = c1;
                    m++;
                }
            }
            windows = m;
        }

        double[] areaRow(int n) {
            if (areaRow.length < n) {
                areaRow = new double[n];
            }
            return areaRow;
        }

        /** Adds a run of whole cells of one category (weight 1 each): their summed areas, values and extremes. */
        void addRun(int cat, double area, double valid, double sumA, double sumV, long n, double lo, double hi) {
            int o = 5 * cat;
            acc[o] += area;
            acc[o + 1] += valid;
            acc[o + 2] += sumA;
            acc[o + 3] += sumV;
            acc[o + 4] += n;
            if (lo < min[cat]) {
                min[cat] = lo;
            }
            if (hi > max[cat]) {
                max[cat] = hi;
            }
            cells[cat] += n;
        }

        void addExtra(int cell, int zone, double f) {
            if (extras == extraZone.length) {
                int m = extras * 2;
                extraKeys = Arrays.copyOf(extraKeys, m);
                extraZone = Arrays.copyOf(extraZone, m);
                extraFrac = Arrays.copyOf(extraFrac, m);
            }
            extraKeys[extras] = ((long) cell << 32) | extras;
            extraZone[extras] = zone;
            extraFrac[extras] = f;
            extras++;
        }

        void sortExtras() {
            Arrays.sort(extraKeys, 0, extras);
        }

        int extraCell(int q) {
            return (int) (extraKeys[q] >>> 32);
        }

        int extraZone(int q) {
            return extraZone[(int) extraKeys[q]];
        }

        double extraFrac(int q) {
            return extraFrac[(int) extraKeys[q]];
        }

        void addRelevant(int zone, double f) {
            if (relevant == relZone.length) {
                relZone = Arrays.copyOf(relZone, relevant * 2);
                relClass = Arrays.copyOf(relClass, relevant * 2);
                relFrac = Arrays.copyOf(relFrac, relevant * 2);
            }
            relZone[relevant] = zone;
            relFrac[relevant] = f;
            relevant++;
        }

        /** The rings of a zone clipped to the band's rows (once per band and zone); key -1 is the region. */
        double[][] strip(int key, ZoneCoverage c, int a, int b) {
            double[][] s = strips.get(key);
            if (s == null) {
                s = sweep.clipRings(c.rings(), c.colStart() - 1, a, c.colEnd() + 1, b);
                strips.put(key, s);
            }
            return s;
        }

        /** The zones a band met and their statistics in it (the first {@code n} are the band's). */
        int[] zoneOf = new int[16];
        ZoneStats[] zoneSums = new ZoneStats[16];

        void met(int n, int zone, ZoneStats part) {
            if (n == zoneOf.length) {
                zoneOf = Arrays.copyOf(zoneOf, 2 * n);
                zoneSums = Arrays.copyOf(zoneSums, 2 * n);
            }
            zoneOf[n] = zone;
            zoneSums[n] = part;
        }

        void resetAcc() {
            Arrays.fill(acc, 0);
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
            Arrays.fill(cells, 0);
        }

        void add(int cat, double f, float v, double area) {
            if (f <= 0) {
                return;
            }
            int o = 5 * cat;
            double fa = f * area;
            acc[o] += fa;
            if (!(Math.abs(v) <= Float.MAX_VALUE)) {
                return; // NaN or infinite: nodata
            }
            acc[o + 1] += fa;
            acc[o + 2] += fa * v;
            acc[o + 3] += f * v;
            acc[o + 4] += f;
            if (v < min[cat]) {
                min[cat] = v;
            }
            if (v > max[cat]) {
                max[cat] = v;
            }
            cells[cat]++;
        }

        /** The band's categories as summed: each class's part (0 .. k-1) and outside all classes (k). */
        ZoneStats[] categories() {
            ZoneStats[] out = new ZoneStats[k + 1];
            for (int c = 0; c <= k; c++) {
                int o = 5 * c;
                if (acc[o] == 0) {
                    out[c] = new ZoneStats();
                    continue;
                }
                ZoneStats part = ZoneStats.of(acc[o], acc[o + 1], acc[o + 2], acc[o + 3]);
                part.coverage = acc[o + 4];
                part.min = min[c];
                part.max = max[c];
                part.cells = cells[c];
                out[c] = part;
            }
            return out;
        }
    }
}
