package org.pacarbon.map.core;

import java.nio.file.Path;
import java.util.List;

import org.pacarbon.gis.core.GisException;

/**
 * A kind of data that can become map layers (uDig's catalog service, reborn): a file format, later a tile service or
 * a database. Contributed through the extension point {@code org.pacarbon.map.core.sources} with the file extensions
 * it reads; the built-in rasters (GeoTIFF, NetCDF) and vectors (GeoPackage, Shapefile, GeoJSON) come through it too.
 * Implementations have a public no-argument constructor and are called off the UI thread.
 */
public interface LayerSource {
    /**
     * Adds the file to {@code map} (in the map's CRS) with this source's default style; returns the new layers. The
     * map is unchanged when the file cannot be read.
     *
     * @param variable one variable of a multi-variable file (NetCDF), or null for the only or the default one
     */
    List<MapLayer> add(MapModel map, Path file, String variable) throws GisException;
}
