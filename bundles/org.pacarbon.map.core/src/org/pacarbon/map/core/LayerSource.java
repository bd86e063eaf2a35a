package org.pacarbon.map.core;

import org.eclipse.jdt.annotation.Nullable;
import java.nio.file.Path;
import java.util.List;

import org.pacarbon.gis.core.GisException;

/**
 * A kind of data that can become map layers (uDig's catalog service, reborn): a file format, a service (web map tiles,
 * the shipped basemap, later a database). Contributed through the extension point {@code org.pacarbon.map.core.sources}
 * with the file extensions or the URI schemes it reads; the built-in rasters (GeoTIFF, NetCDF), vectors (GeoPackage,
 * Shapefile, GeoJSON), the offline basemap ({@code basemap:}) and XYZ tiles ({@code xyz:}) come through it too.
 * Implementations have a public no-argument constructor and are called off the UI thread.
 */
public interface LayerSource {
    /** A layer a service offers as it is, for a menu: its title and its URI. */
    record Offer(String title, String uri) {
    }

    /**
     * Adds the file to {@code map} (in the map's CRS) with this source's default style; returns the new layers. The
     * map is unchanged when the file cannot be read.
     *
     * @param variable one variable of a multi-variable file (NetCDF), or null for the only or the default one
     */
    List<MapLayer> add(MapModel map, Path file, @Nullable String variable) throws GisException;

    /**
     * Adds the layers a service URI names (of a scheme this source declares) to {@code map} in the map's CRS; the map is
     * unchanged when the service cannot be reached or the URI is wrong. Sources of files only need not implement it.
     */
    default List<MapLayer> add(MapModel map, String uri) throws GisException {
        throw new GisException(null, "this layer source reads files, not services such as " + uri, "a file");
    }

    /** Layers this service offers ready-made (shown in File &gt; Add Basemap); none for file formats. */
    default List<Offer> offers() {
        return List.of();
    }
}
