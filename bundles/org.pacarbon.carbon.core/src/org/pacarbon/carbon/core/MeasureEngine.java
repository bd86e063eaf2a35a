package org.pacarbon.carbon.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.locationtech.jts.geom.Geometry;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.raster.RasterFiles;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.zonal.core.CategoryEngine;
import org.pacarbon.zonal.core.CellAreas;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Where an assessment measures its rasters: in this process ({@link #LOCAL}, all cores) or on a cluster (the Spark
 * engine of the job jar, {@code scale/org.pacarbon.spark}). The assessment does everything else itself (reading the
 * spec and the polygons, units, checks, rows, reports), so every engine gives the same tables: an engine only adds up
 * the exact per-cell statistics of {@link CategoryEngine} over parts of the grid.
 */
public interface MeasureEngine extends AutoCloseable {

    /**
     * How a worker opens a raster again: the file and how it is read. {@code factor} converts its values to kg (per m2)
     * when several files are summed cell by cell ({@link SumRaster}); it is {@code NaN} for a layer read as it is.
     */
    record Input(Path file, RasterFiles.Request request, double factor) {
    }

    /**
     * One raster to measure for the categories and the single PAs.
     *
     * @param layer    the layer's name, for messages
     * @param source   the raster, opened in this process
     * @param inputs   how a worker opens the same cells again (one file, or the parts of a sum); empty when they exist
     *                 only in this process (a layer resampled to the common grid): then it is measured here
     * @param mask     how a worker opens the mask region (on the raster's grid), or {@code null} for a polygon region
     * @param maskSource the mask region, opened in this process, or {@code null}
     * @param region   the region's polygons in the raster's CRS, or {@code null} with a mask
     * @param zones    the PAs in the raster's CRS
     * @param classOf  class index of each PA
     * @param classes  number of classes
     * @param areas    cell areas of the raster's grid
     */
    record Job(String layer, RasterSource source, List<Input> inputs, @Nullable Input mask, @Nullable RasterSource maskSource,
            @Nullable Geometry region,
            List<Geometry> zones, int[] classOf, int classes, CellAreas.Model areas) {
    }

    /** Measures one raster; polls {@code cancelled} and ends with a {@link java.util.concurrent.CancellationException}. */
    CategoryEngine.Result measure(Job job, @Nullable BooleanSupplier cancelled) throws GisException;

    /** @return what provenance.json records about the engine (its name, master, tasks run) */
    Map<String, Object> provenance();

    @Override
    default void close() {
    }

    /** Opens one raster file (e.g. from a worker's cache of open files). */
    @FunctionalInterface
    interface Opener {
        RasterSource open(Path file, RasterFiles.Request request) throws GisException;
    }

    /**
     * The cells of a job's inputs, opened again (what a worker does) by {@code opener}: one file as it is, or the
     * cell-by-cell sum of the parts in kg (per m2), NaN where any part is. Closing a sum leaves its parts open (they
     * belong to the opener).
     */
    static RasterSource open(List<Input> inputs, Opener opener) throws GisException {
        if (inputs.size() == 1 && Double.isNaN(inputs.get(0).factor())) {
            return opener.open(inputs.get(0).file(), inputs.get(0).request());
        }
        List<RasterSource> parts = new java.util.ArrayList<>();
        double[] factors = new double[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            parts.add(opener.open(inputs.get(i).file(), inputs.get(i).request()));
            factors[i] = inputs.get(i).factor();
        }
        return new SumRaster(parts, factors);
    }

    /** The engine of this process: {@link CategoryEngine} on all cores. */
    MeasureEngine LOCAL = new MeasureEngine() {
        @Override
        public CategoryEngine.Result measure(Job job, @Nullable BooleanSupplier cancelled) throws GisException {
            RasterSource maskSource = job.maskSource();
            Geometry region = job.region();
            if (maskSource == null && region == null) {
                throw new IllegalArgumentException("job " + job.layer() + " has neither a region nor a mask");
            }
            CategoryEngine.Region reg = maskSource != null ? new CategoryEngine.MaskRegion(maskSource)
                    : new CategoryEngine.PolygonRegion(java.util.Objects.requireNonNull(region));
            return CategoryEngine.run(job.source(), reg, job.zones(), job.classOf(), job.classes(), job.areas(), null, cancelled);
        }

        @Override
        public Map<String, Object> provenance() {
            return Map.of("name", "local", "threads", Runtime.getRuntime().availableProcessors());
        }
    };
}
