package org.pacarbon.gis.core.vector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.eclipse.jdt.annotation.Nullable;

/** One entry point for vector files: GeoPackage, Shapefile, GeoJSON, recognized by content and extension. */
public final class VectorIO {
    private VectorIO() {
    }

    /**
     * Reads a vector layer.
     *
     * @param file         the file (.gpkg, .shp, .geojson/.json)
     * @param layer        the GeoPackage table, or {@code null} for the first
     * @param crsOverride  a CRS to use instead of the file's, or {@code null}
     */
    public static FeatureSet read(Path file, @Nullable String layer, @Nullable CoordinateReferenceSystem crsOverride) throws GisException {
        if (!Files.isRegularFile(file)) {
            throw new GisException(file, "file not found", "an existing GeoPackage, Shapefile or GeoJSON file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new GisException(file, "cannot be read: " + e.getMessage(), "a readable file", e);
        }
        String magic = new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (magic.startsWith("SQLite format 3") || name.endsWith(".gpkg")) {
            FeatureSet set = GeoPackageIO.read(file, layer);
            return crsOverride == null ? set : new FeatureSet(set.source(), crsOverride, set.fields(), set.features());
        }
        if (name.endsWith(".shp")) {
            return ShapefileReader.read(file, crsOverride);
        }
        if (name.endsWith(".geojson") || name.endsWith(".json") || magic.trim().startsWith("{")) {
            return GeoJsonReader.read(file, crsOverride);
        }
        throw new GisException(file, "is not a vector format this tool reads", "a GeoPackage (.gpkg), Shapefile (.shp) or GeoJSON (.geojson) file");
    }
}
