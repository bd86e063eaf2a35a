package org.pacarbon.map.core;

import java.nio.file.Path;
import java.util.List;

import org.pacarbon.gis.core.GisException;

/** The built-in layer sources this bundle contributes: rasters and vectors with the default styles of {@link LayerFiles}. */
public final class BuiltinSources {
    private BuiltinSources() {
    }

    /** GeoTIFF and NetCDF rasters. */
    public static final class Rasters implements LayerSource {
        @Override
        public List<MapLayer> add(MapModel map, Path file, String variable) throws GisException {
            return LayerFiles.addRaster(map, file, variable);
        }
    }

    /** GeoPackage, Shapefile and GeoJSON polygons. */
    public static final class Vectors implements LayerSource {
        @Override
        public List<MapLayer> add(MapModel map, Path file, String variable) throws GisException {
            return LayerFiles.addVector(map, file);
        }
    }
}
