package org.pacarbon.carbon.core;

import org.eclipse.jdt.annotation.Nullable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.RasterSource;

/** Cell-by-cell sum of rasters on the same grid, each scaled by a factor; NaN where any part is NaN. */
final class SumRaster implements RasterSource {
    private final List<RasterSource> parts;
    private final double[] factors;

    SumRaster(List<RasterSource> parts, double[] factors) {
        this.parts = parts;
        this.factors = factors;
    }

    @Override
    public Path file() {
        return parts.get(0).file();
    }

    @Override
    public GridSpec grid() {
        return parts.get(0).grid();
    }

    @Override
    public CoordinateReferenceSystem crs() {
        return parts.get(0).crs();
    }

    @Override
    public @Nullable String unit() {
        return "kg";
    }

    @Override
    public int blockRows() {
        return parts.get(0).blockRows();
    }

    @Override
    public void readRows(int row0, int rows, float[] dst) throws GisException {
        int n = rows * grid().width();
        double[] acc = new double[n];
        float[] buf = new float[n];
        for (int p = 0; p < parts.size(); p++) {
            parts.get(p).readRows(row0, rows, buf);
            double f = factors[p];
            for (int i = 0; i < n; i++) {
                acc[i] += buf[i] * f; // NaN propagates
            }
        }
        for (int i = 0; i < n; i++) {
            dst[i] = (float) acc[i];
        }
    }

    @Override
    public void close() throws IOException {
        // the parts are closed by their owner
    }
}
