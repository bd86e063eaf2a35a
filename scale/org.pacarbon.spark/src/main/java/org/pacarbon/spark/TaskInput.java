package org.pacarbon.spark;

import java.io.Serializable;
import java.nio.file.Path;

import org.pacarbon.carbon.core.MeasureEngine;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.raster.RasterFiles;

/**
 * A {@link MeasureEngine.Input} as it travels to the executors: the file as a path string and the spec's CRS (if any)
 * as text that {@link CrsSupport#parse} reads back, so nothing of Apache SIS is serialized.
 */
record TaskInput(String path, String variable, String crs, Float nodata, Integer band, String time, Integer year, double factor)
        implements Serializable {

    static TaskInput of(MeasureEngine.Input in) {
        RasterFiles.Request r = in.request();
        String crs = r.crs() == null ? null : CrsSupport.toText(r.crs());
        if (r.crs() != null && crs == null) {
            throw new IllegalArgumentException(in.file() + ": its CRS cannot be written as text for the executors");
        }
        return new TaskInput(in.file().toAbsolutePath().toString(), r.variable(), crs, r.nodata(), r.band(), r.time(), r.year(),
                in.factor());
    }

    MeasureEngine.Input toInput() throws GisException {
        Path file = Path.of(path);
        return new MeasureEngine.Input(file, new RasterFiles.Request(variable, crs == null ? null : CrsSupport.parse(crs, file), nodata,
                band, time, year), factor);
    }
}
