package org.pacarbon.map.core;

import org.eclipse.jdt.annotation.Nullable;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.raster.RasterFiles;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.gis.core.vector.FeatureSet;
import org.pacarbon.gis.core.vector.VectorIO;

/**
 * A file added to a map with a sensible default style, as the catalog, a drop or File &gt; Add data do it: rasters
 * stretched to 2-98 % of their values (or the range of a {@link DefaultStyles} rule) with a ramp picked from the name
 * (NPP, CO2/emissions, carbon), polygons with a class field coloured by class, other vectors as red outlines.
 */
public final class LayerFiles {
    /** Fields that hold a class of polygons (PA category, IUCN category, ...), in order of preference. */
    private static final List<String> CLASS_FIELDS = List.of("category", "class", "iucn_cat", "desig_type", "type");

    private LayerFiles() {
    }

    /** Whether the file is a raster this program reads (GeoTIFF, NetCDF). */
    public static boolean isRaster(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".tif") || n.endsWith(".tiff") || n.endsWith(".nc");
    }

    /**
     * Adds a file (one variable of a NetCDF file; null: the only one) to {@code map}; returns the new layers. The map
     * is unchanged when the file cannot be read.
     */
    public static List<MapLayer> add(MapModel map, Path file, @Nullable String variable) throws GisException {
        return isRaster(file) ? addRaster(map, file, variable) : addVector(map, file);
    }

    /** A raster (one variable of a NetCDF file; null: the only one) stretched and coloured by its name's rule. */
    static List<MapLayer> addRaster(MapModel map, Path file, @Nullable String variable) throws GisException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        DefaultStyles.Rule rule = DefaultStyles.forFile(n);
        boolean log = rule != null && rule.log();
        double[] range = rule != null && !Double.isNaN(rule.min()) && !Double.isNaN(rule.max()) ? new double[] {rule.min(), rule.max()}
                : range(file, variable, log);
        String ramp = rule != null ? rule.ramp() : "viridis";
        String unit = rule != null ? rule.unit() : "";
        MapLayer l = map.addRaster(file, variable, file.getFileName() + (variable == null ? "" : " : " + variable), ramp, range[0],
                range[1], unit);
        if (log) {
            RasterStyle before = l.style();
            l.setStyle(new RasterStyle(ColorRamp.preset(ramp), range[0], range[1], true, null, before == null ? unit : before.unit()));
            map.changed();
        }
        return List.of(l);
    }

    /** Polygons: coloured by class when they have a class field with 2 to 12 values, else red outlines. */
    static List<MapLayer> addVector(MapModel map, Path file) throws GisException {
        FeatureSet set = VectorIO.read(file, null, null);
        String field = set.fields().stream().filter(f -> CLASS_FIELDS.contains(f.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
        long values = field == null ? 0 : set.features().stream().map(f -> f.text(field).orElse("")).distinct().count();
        if (field != null && values >= 2 && values <= MapModel.CATEGORY_COLOURS.length) {
            return map.addVectorByField(set, file, file.getFileName().toString(), field);
        }
        return List.of(map.addVector(set, file, file.getFileName().toString(), new Color(0xb7, 0x1c, 0x1c), 1f, null));
    }

    /** A default stretch: the 2nd to 98th percentile of a sample of the raster's values. */
    private static double[] range(Path file, @Nullable String variable, boolean positiveOnly) throws GisException {
        try (RasterSource src = RasterFiles.open(file, variable)) {
            double[] q = Classification.displayQuantiles(src, positiveOnly);
            if (q == null) {
                return new double[] {0, 1};
            }
            return q[1] < q[49] ? new double[] {q[1], q[49]} : new double[] {q[0], q[0] + 1};
        } catch (IOException e) {
            throw new GisException(file, e.getMessage(), null, e);
        }
    }
}
