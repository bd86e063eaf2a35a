package org.pacarbon.map.core;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.io.Csv;
import org.pacarbon.gis.core.text.Numbers;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.FeatureSet;

/**
 * Per-PA results as map layers: the values of an assessment's {@code per_pa.csv} (one carbon layer and year) joined
 * to the PA polygons by id and drawn as a classed choropleth, one layer per class (quantile classes, colours from a
 * ramp, each class a legend entry) and a grey layer for PAs without a value.
 */
public final class Choropleth {
    /** A per-PA measure: its title and unit, and the value of each PA by id (file order). */
    public record PaValues(String title, String unit, Map<String, Double> byId) {
    }

    private Choropleth() {
    }

    /** What {@code per_pa.csv} has to show: "layer" or "layer year", in file order. */
    public static List<String> choices(Path perPa) throws GisException {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (Csv.Row r : Csv.read(perPa, "pa_id", "layer", "per_area")) {
            out.add(choice(r));
        }
        return List.copyOf(out);
    }

    private static String choice(Csv.Row r) {
        return r.get("year").isEmpty() ? r.get("layer") : r.get("layer") + " " + r.get("year");
    }

    /** The density (per_area, with its unit) of each PA for one choice of {@link #choices}. */
    public static PaValues perPa(Path perPa, String choice) throws GisException {
        Map<String, Double> byId = new LinkedHashMap<>();
        String unit = null;
        List<Csv.Row> rows = Csv.read(perPa, "pa_id", "layer", "per_area");
        for (Csv.Row r : rows) {
            if (choice(r).equals(choice) && !r.get("per_area").isEmpty()) {
                byId.put(r.get("pa_id"), r.number("per_area", perPa));
                unit = unit == null ? r.get("per_area_unit") : unit;
            }
        }
        if (byId.isEmpty()) {
            throw new GisException(perPa, "has no per-PA value for '" + choice + "'",
                    "one of " + rows.stream().map(Choropleth::choice).distinct().toList());
        }
        return new PaValues(choice, unit == null ? "" : unit, byId);
    }

    /** The field of the features whose values match most PA ids of the result; a message when none matches. */
    public static String idField(FeatureSet pas, PaValues v, Path file) throws GisException {
        String best = null;
        long most = 0;
        for (String f : pas.fields()) {
            long n = pas.features().stream().filter(x -> v.byId().containsKey(x.text(f).orElse("").strip())).count();
            if (n > most) {
                most = n;
                best = f;
            }
        }
        if (best == null) {
            throw new GisException(file, "has no field whose values are the PA ids of the results (e.g. "
                    + v.byId().keySet().stream().limit(3).toList() + ")", "the PA layer the assessment was run on");
        }
        return best;
    }

    /**
     * Adds the choropleth to {@code map}: {@code classes} quantile classes of the joined values (fewer when values
     * repeat), coloured along {@code ramp}, then PAs without a value in grey. Returns the layers, lowest class first.
     */
    public static List<MapLayer> add(MapModel map, FeatureSet pas, Path file, PaValues v, String ramp, int classes) throws GisException {
        String field = idField(pas, v, file);
        List<Feature> valued = new ArrayList<>();
        List<Feature> missing = new ArrayList<>();
        for (Feature f : pas.features()) {
            (v.byId().containsKey(f.text(field).orElse("").strip()) ? valued : missing).add(f);
        }
        double[] values = valued.stream().mapToDouble(f -> v.byId().get(f.text(field).orElse("").strip())).toArray();
        double[] breaks = java.util.Arrays.stream(Classification.quantile(values, Math.max(1, classes))).distinct().toArray();
        if (breaks.length == 1) {
            breaks = new double[] {breaks[0], breaks[0]};
        }
        int n = breaks.length - 1;
        ColorRamp colours = ColorRamp.preset(ramp);
        List<List<Feature>> byClass = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byClass.add(new ArrayList<>());
        }
        for (int k = 0; k < valued.size(); k++) {
            byClass.get(classOf(values[k], breaks)).add(valued.get(k));
        }
        List<MapLayer> out = new ArrayList<>();
        String unit = v.unit().isEmpty() ? "" : " " + v.unit();
        for (int i = 0; i < n; i++) {
            if (byClass.get(i).isEmpty()) {
                continue;
            }
            Color c = colours.at(n == 1 ? 1 : (i + 0.5) / n);
            String name = v.title() + ": " + Numbers.format(breaks[i]) + " - " + Numbers.format(breaks[i + 1]) + unit;
            out.add(map.addVector(new FeatureSet(pas.source(), pas.crs(), pas.fields(), byClass.get(i)), file, name,
                    new Color(0x42, 0x42, 0x42), 0.6f, new Color(c.getRed(), c.getGreen(), c.getBlue(), 220)));
        }
        if (!missing.isEmpty()) {
            out.add(map.addVector(new FeatureSet(pas.source(), pas.crs(), pas.fields(), missing), file, v.title() + ": no value",
                    new Color(0x75, 0x75, 0x75), 0.6f, new Color(0xbd, 0xbd, 0xbd, 140)));
        }
        return out;
    }

    /** The class of a value: {@code [b_i, b_i+1)}, the last class closed. */
    static int classOf(double value, double[] breaks) {
        for (int i = 1; i < breaks.length - 1; i++) {
            if (value < breaks[i]) {
                return i - 1;
            }
        }
        return breaks.length - 2;
    }
}
