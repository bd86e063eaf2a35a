package org.pacarbon.example.tool;

import org.eclipse.jdt.annotation.Nullable;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.FeatureSet;
import org.pacarbon.map.core.LayerSource;
import org.pacarbon.map.core.MapLayer;
import org.pacarbon.map.core.MapModel;

/**
 * An example layer source (README.md, "A new kind of data"): a text file with one well-known-text geometry per line
 * ({@code .wkt}), lon/lat unless a first line {@code # crs: EPSG:32650} says otherwise, becomes a layer of outlines.
 * Declared in plugin.xml on {@code org.pacarbon.map.core.sources}; from then on the catalog, drops and File &gt; Add
 * Data read such files.
 */
public final class WktSource implements LayerSource {
    @Override
    public List<MapLayer> add(MapModel map, Path file, @Nullable String variable) throws GisException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GisException(file, "cannot be read: " + e.getMessage(), "a readable text file", e);
        }
        CoordinateReferenceSystem crs = CrsSupport.lonLat();
        List<Feature> features = new ArrayList<>();
        WKTReader reader = new WKTReader();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("# crs:")) {
                crs = CrsSupport.eastNorth(CrsSupport.parse(line.substring(6).strip(), file));
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                try {
                    features.add(new Feature(Integer.toString(i + 1), reader.read(line), Map.of("line", (long) (i + 1))));
                } catch (ParseException e) {
                    throw new GisException(file, "line " + (i + 1) + " is not well-known text: " + e.getMessage(), "one WKT geometry per line");
                }
            }
        }
        if (features.isEmpty()) {
            throw new GisException(file, "has no geometry", "one WKT geometry per line");
        }
        return List.of(map.addVector(new FeatureSet(file.toString(), crs, List.of("line"), features), file,
                file.getFileName().toString(), new Color(0x6a, 0x1b, 0x9a), 1.5f, null));
    }
}
