package org.pacarbon.map.core;

import org.eclipse.jdt.annotation.Nullable;
import java.nio.file.Path;
import java.util.List;

import org.pacarbon.gis.core.GisException;

/**
 * The built-in layer sources this bundle contributes: rasters and vectors with the default styles of {@link LayerFiles},
 * the offline basemap ({@link Basemap}) and web map tiles ({@link XyzTiles}).
 */
public final class BuiltinSources {
    private BuiltinSources() {
    }

    /** GeoTIFF and NetCDF rasters. */
    public static final class Rasters implements LayerSource {
        @Override
        public List<MapLayer> add(MapModel map, Path file, @Nullable String variable) throws GisException {
            return LayerFiles.addRaster(map, file, variable);
        }
    }

    /** GeoPackage, Shapefile and GeoJSON polygons. */
    public static final class Vectors implements LayerSource {
        @Override
        public List<MapLayer> add(MapModel map, Path file, @Nullable String variable) throws GisException {
            return LayerFiles.addVector(map, file);
        }
    }

    /** The shipped basemap: {@code basemap:countries}, {@code basemap:coastlines}, {@code basemap:graticule}. */
    public static final class Basemaps implements LayerSource {
        @Override
        public List<MapLayer> add(MapModel map, Path file, @Nullable String variable) throws GisException {
            throw new GisException(file, "is a file; the basemap is a service", "basemap:countries, basemap:coastlines or basemap:graticule");
        }

        @Override
        public List<MapLayer> add(MapModel map, String uri) throws GisException {
            Basemap.Kind kind = Basemap.Kind.of(uri);
            if (kind == null) {
                throw new GisException(null, "the basemap has no layer '" + uri + "'", "basemap:countries, basemap:coastlines or basemap:graticule");
            }
            return List.of(Basemap.add(map, kind));
        }

        @Override
        public List<Offer> offers() {
            return java.util.Arrays.stream(Basemap.Kind.values()).map(k -> new Offer(k.title(), k.uri())).toList();
        }
    }

    /** XYZ ("slippy map") tiles: {@code xyz:} followed by a URL with {z}, {x} and {y}. */
    public static final class Tiles implements LayerSource {
        /** OpenStreetMap's standard tiles (network needed; their usage policy asks for light use and the credit shown). */
        public static final String OSM = "xyz:https://tile.openstreetmap.org/{z}/{x}/{y}.png";

        @Override
        public List<MapLayer> add(MapModel map, Path file, @Nullable String variable) throws GisException {
            throw new GisException(file, "is a file; tiles come from a URL", "xyz:https://host/{z}/{x}/{y}.png");
        }

        @Override
        public List<MapLayer> add(MapModel map, String uri) throws GisException {
            String template = uri.regionMatches(true, 0, "xyz:", 0, 4) ? uri.substring(4).strip() : uri.strip();
            XyzTiles tiles = new XyzTiles(template, 19, cacheFolder());
            MapLayer l = MapLayer.tiles("Tiles: " + tiles.host() + (template.contains("openstreetmap.org") ? " (\u00a9 OpenStreetMap contributors)" : ""), tiles);
            l.setService("xyz:" + template);
            map.add(l, map.crs() != null ? map.crs() : XyzTiles.webMercator());
            return List.of(l);
        }

        @Override
        public List<Offer> offers() {
            return List.of(new Offer("OpenStreetMap tiles (network)", OSM));
        }

        /** Where fetched tiles are kept: {@code pacarbon.tiles.cache} or a folder in the temporary directory. */
        static Path cacheFolder() {
            String p = System.getProperty("pacarbon.tiles.cache");
            return p != null && !p.isBlank() ? Path.of(p) : Path.of(System.getProperty("java.io.tmpdir"), "pacarbon-tiles");
        }
    }
}
