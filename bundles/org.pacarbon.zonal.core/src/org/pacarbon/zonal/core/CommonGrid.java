package org.pacarbon.zonal.core;

import org.eclipse.jdt.annotation.Nullable;
import java.nio.file.Path;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.MemoryRaster;
import org.pacarbon.gis.core.raster.RasterSource;

/**
 * Regridding for the paper's method (engine work, used by carbon.core's assessment when a spec asks for a
 * {@code "grid"}): every layer resampled onto one common grid before the statistics. Densities are
 * area-averaged (3 x 3 sample points per target cell; a target cell is valid when at least half of its
 * samples fall on valid source cells); per-cell amounts are redistributed in proportion to area and then
 * scaled so that the total of the source cells whose centres fall in the common grid is kept exactly.
 */
public final class CommonGrid {
    private static final int K = 3;

    private CommonGrid() {
    }

    /** The common grid: the region's bounding box in the grid CRS, snapped outwards to multiples of the cell size. */
    public static GridSpec of(Geometry regionInGridCrs, double cell) {
        Envelope e = regionInGridCrs.getEnvelopeInternal();
        double x0 = Math.floor(e.getMinX() / cell) * cell;
        double y1 = Math.ceil(e.getMaxY() / cell) * cell;
        int w = (int) Math.max(1, Math.ceil((e.getMaxX() - x0) / cell - 1e-9));
        int h = (int) Math.max(1, Math.ceil((y1 - e.getMinY()) / cell - 1e-9));
        return new GridSpec(w, h, x0, y1, cell, -cell);
    }

    /** Resamples one layer onto the common grid. */
    public static MemoryRaster resample(RasterSource src, GridSpec target, CoordinateReferenceSystem targetCrs, boolean density,
            java.util.function.@Nullable BooleanSupplier cancelled)
            throws GisException {
        MathTransform toSource = CrsSupport.same(targetCrs, src.crs()) ? null : CrsSupport.transform(targetCrs, src.crs());
        GridSpec sg = src.grid();
        double[] srcAreas = CellAreas.perRow(sg, src.crs());
        double[] tgtAreas = CellAreas.perRow(target, targetCrs);
        int tw = target.width();
        float[] out = new float[tw * target.height()];
        int band = 16;
        double[] pts = new double[band * tw * K * K * 2];
        int[] srcCol = new int[band * tw * K * K];
        int[] srcRow = new int[band * tw * K * K];
        for (int r0 = 0; r0 < target.height(); r0 += band) {
            checkCancelled(cancelled);
            int r1 = Math.min(target.height(), r0 + band);
            int n = 0;
            for (int r = r0; r < r1; r++) {
                for (int c = 0; c < tw; c++) {
                    for (int a = 0; a < K; a++) {
                        for (int b = 0; b < K; b++) {
                            pts[2 * n] = target.x(c + (b + 0.5) / K);
                            pts[2 * n + 1] = target.y(r + (a + 0.5) / K);
                            n++;
                        }
                    }
                }
            }
            if (toSource != null) {
                try {
                    toSource.transform(pts, 0, pts, 0, n);
                } catch (TransformException e) {
                    throw new GisException(src.file(), "cannot be resampled to the common grid: " + e.getMessage(),
                            "a raster whose CRS can be transformed to the grid's", e);
                }
            }
            int rowMin = Integer.MAX_VALUE, rowMax = -1;
            for (int i = 0; i < n; i++) {
                double u = sg.u(pts[2 * i]), v = sg.v(pts[2 * i + 1]);
                int col = (int) Math.floor(u), row = (int) Math.floor(v);
                if (col < 0 || col >= sg.width() || row < 0 || row >= sg.height() || Double.isNaN(u) || Double.isNaN(v)) {
                    srcRow[i] = -1;
                    continue;
                }
                srcCol[i] = col;
                srcRow[i] = row;
                rowMin = Math.min(rowMin, row);
                rowMax = Math.max(rowMax, row);
            }
            float[] rows = new float[rowMax >= 0 ? (rowMax - rowMin + 1) * sg.width() : 0];
            if (rowMax >= 0) {
                src.readRows(rowMin, rowMax - rowMin + 1, rows);
            }
            int i = 0;
            for (int r = r0; r < r1; r++) {
                for (int c = 0; c < tw; c++) {
                    double sum = 0;
                    int valid = 0;
                    for (int s = 0; s < K * K; s++, i++) {
                        if (srcRow[i] < 0) {
                            continue;
                        }
                        float v = rows[(srcRow[i] - rowMin) * sg.width() + srcCol[i]];
                        if (!(Math.abs(v) <= Float.MAX_VALUE)) {
                            continue;
                        }
                        valid++;
                        sum += density ? v : v * (tgtAreas[r] / (K * K)) / srcAreas[srcRow[i]];
                    }
                    if (density) {
                        out[r * tw + c] = valid * 2 >= K * K ? (float) (sum / valid) : Float.NaN;
                    } else {
                        out[r * tw + c] = valid > 0 ? (float) sum : Float.NaN;
                    }
                }
            }
        }
        if (!density) {
            conserve(src, target, targetCrs, out, cancelled);
        }
        return new MemoryRaster(Path.of(src.file() + " (common grid)"), target, targetCrs, out, src.unit());
    }

    /** Scales redistributed amounts so their total equals that of the source cells whose centres are in the grid. */
    private static void checkCancelled(java.util.function.@Nullable BooleanSupplier cancelled) {
        if (cancelled != null && cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("cancelled");
        }
    }

    private static void conserve(RasterSource src, GridSpec target, CoordinateReferenceSystem targetCrs, float[] out,
            java.util.function.@Nullable BooleanSupplier cancelled)
            throws GisException {
        MathTransform toTarget = CrsSupport.same(targetCrs, src.crs()) ? null : CrsSupport.transform(src.crs(), targetCrs);
        GridSpec sg = src.grid();
        double sourceTotal = 0;
        int block = Math.max(1, Math.min(src.blockRows(), Math.max(1, 4_000_000 / sg.width())));
        float[] rows = new float[block * sg.width()];
        float[] row = new float[sg.width()];
        double[] pts = new double[sg.width() * 2];
        for (int r = 0; r < sg.height(); r++) {
            if (r % block == 0) {
                checkCancelled(cancelled);
                src.readRows(r, Math.min(block, sg.height() - r), rows);
            }
            System.arraycopy(rows, (r % block) * sg.width(), row, 0, sg.width());
            for (int c = 0; c < sg.width(); c++) {
                pts[2 * c] = sg.x(c + 0.5);
                pts[2 * c + 1] = sg.y(r + 0.5);
            }
            if (toTarget != null) {
                try {
                    toTarget.transform(pts, 0, pts, 0, sg.width());
                } catch (TransformException e) {
                    continue; // outside the grid CRS's domain: not in the grid
                }
            }
            for (int c = 0; c < sg.width(); c++) {
                float v = row[c];
                double u = target.u(pts[2 * c]), vv = target.v(pts[2 * c + 1]);
                if (Math.abs(v) <= Float.MAX_VALUE && u >= 0 && u < target.width() && vv >= 0 && vv < target.height()) {
                    sourceTotal += v;
                }
            }
        }
        double targetTotal = 0;
        for (float v : out) {
            if (!Float.isNaN(v)) {
                targetTotal += v;
            }
        }
        if (targetTotal > 0) {
            float k = (float) (sourceTotal / targetTotal);
            for (int i = 0; i < out.length; i++) {
                out[i] *= k;
            }
        }
    }
}
