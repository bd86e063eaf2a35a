package org.pacarbon.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.pacarbon.carbon.core.MeasureEngine;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.raster.RasterFiles;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.zonal.core.CategoryEngine;

/**
 * The executor's side of a task: the raster files it has open (each opened once per executor JVM and shared by its
 * tasks, a few at a time) and the measurement of a task's rows.
 */
final class OpenFiles {
    private static final int MAX_OPEN = 24;
    private static final Map<String, RasterSource> OPEN = new LinkedHashMap<>();

    private OpenFiles() {
    }

    /** Per task thread: a pool of the task's cores, in which the engine's parallel work runs. */
    private static final ThreadLocal<java.util.concurrent.ForkJoinPool> POOL = new ThreadLocal<>();

    /**
     * Measures rows [from, to) of a layer for the given zones (indices into the layer's zones) on the task's cores only
     * ({@code spark.task.cpus}, 1 by default): the engine's parallel loops and the tile decoder run in a pool of that
     * size, so that an executor running one task per core is not oversubscribed.
     */
    static CategoryEngine.Result measure(LayerZones lz, int from, int to, int[] zoneIndex) throws GisException {
        org.apache.spark.TaskContext tc = org.apache.spark.TaskContext.get();
        int cpus = tc == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, tc.cpus());
        java.util.concurrent.ForkJoinPool pool = POOL.get();
        if (pool == null || pool.getParallelism() != cpus) {
            pool = new java.util.concurrent.ForkJoinPool(cpus);
            POOL.set(pool);
        }
        try {
            return pool.submit(() -> measureHere(lz, from, to, zoneIndex)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof GisException g) {
                throw g;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static CategoryEngine.Result measureHere(LayerZones lz, int from, int to, int[] zoneIndex) throws GisException {
        List<MeasureEngine.Input> inputs = new ArrayList<>();
        for (TaskInput t : lz.inputs()) {
            inputs.add(t.toInput());
        }
        RasterSource src = MeasureEngine.open(inputs, OpenFiles::open);
        if (!src.grid().sameCells(lz.grid())) {
            throw new GisException(src.file(), "is read on an executor with a grid other than the driver's (" + src.grid() + " vs "
                    + lz.grid() + "): executors must see the same file", "the same file at the same path on every executor");
        }
        CategoryEngine.Region region;
        if (lz.mask() != null) {
            MeasureEngine.Input m = lz.mask().toInput();
            region = new CategoryEngine.MaskRegion(open(m.file(), m.request()));
        } else {
            region = new CategoryEngine.PolygonRegion(lz.region());
        }
        List<Geometry> zones = new ArrayList<>(zoneIndex.length);
        int[] classOf = new int[zoneIndex.length];
        for (int i = 0; i < zoneIndex.length; i++) {
            zones.add(lz.zone(zoneIndex[i]));
            classOf[i] = lz.classOf()[zoneIndex[i]];
        }
        return CategoryEngine.run(src, region, zones, classOf, lz.classes(), lz.areas(), from, to, null, null);
    }

    /** A raster file opened once per executor (the oldest closed when too many are open). */
    static synchronized RasterSource open(Path file, RasterFiles.Request request) throws GisException {
        String key = file.toAbsolutePath() + "|" + request.variable() + "|" + (request.crs() == null ? "" : request.crs().getName()) + "|"
                + request.nodata() + "|" + request.band() + "|" + request.time() + "|" + request.year();
        RasterSource s = OPEN.get(key);
        if (s == null) {
            if (OPEN.size() >= MAX_OPEN) {
                closeAll();
            }
            s = RasterFiles.open(file, request);
            OPEN.put(key, s);
        }
        return s;
    }

    /** Closes every open file (when an assessment ends in this JVM, or to make room). */
    static synchronized void closeAll() {
        for (RasterSource s : OPEN.values()) {
            try {
                s.close();
            } catch (IOException e) {
                // read-only files
            }
        }
        OPEN.clear();
    }
}
