package org.pacarbon.map.core;

import org.eclipse.jdt.annotation.Nullable;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.io.Csv;
import org.pacarbon.gis.core.text.Numbers;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.FeatureSet;

/**
 * Per-PA results as map layers: per-PA values joined to the PA polygons by id and drawn as a classed choropleth, one
 * layer per class (quantile classes, each class a legend entry) and a grey layer for PAs without a value. The values
 * come from an assessment's {@code per_pa.csv} (the density of one carbon layer and year, or its change between the
 * first and last year) or from any tool table with a PA id column ({@code pa_id}, or {@code pa} of the trend tool):
 * one of its number columns (the ranking's measure or change, the trend's Sen's slope, ...). Changes are drawn on a
 * diverging ramp centred on no change.
 */
public final class Choropleth {
    /** A per-PA measure: its title and unit, the value of each PA by id (file order), and whether it is a change (signed). */
    public record PaValues(String title, String unit, Map<String, Double> byId, boolean change) {
    }

    private static final Pattern CHANGE = Pattern.compile("(.+) change (\\d+)-(\\d+)"); //$NON-NLS-1$
    /** Columns of tool tables that are not measures of a PA. */
    private static final List<String> NOT_MEASURES = List.of("rank", "year", "first year", "last year", "min x", "min y", "max x", "max y",
            "valid_area_km2", "area_km2");

    private Choropleth() {
    }

    /**
     * What a per-PA table has to show: for an assessment's per_pa.csv "layer" or "layer year" (density), then "layer
     * change first-last" for layers of several years; for another table with a PA id column, its number columns as
     * headed ("change [%]").
     */
    public static List<String> choices(Path perPa) throws GisException {
        List<Csv.Row> rows = Csv.read(perPa);
        if (isAssessment(rows)) {
            LinkedHashSet<String> out = new LinkedHashSet<>();
            Map<String, java.util.TreeSet<Integer>> years = new LinkedHashMap<>();
            for (Csv.Row r : rows) {
                out.add(choice(r));
                if (!r.get("year").isEmpty() && r.get("year").matches("\\d+")) {
                    years.computeIfAbsent(r.get("layer"), k -> new java.util.TreeSet<>()).add(Integer.parseInt(r.get("year")));
                }
            }
            years.forEach((layer, ys) -> {
                if (ys.size() >= 2) {
                    out.add(layer + " change " + ys.first() + "-" + ys.last());
                }
            });
            return List.copyOf(out);
        }
        idColumn(rows, perPa);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> h : headers(perPa).entrySet()) {
            String name = h.getKey().replaceFirst("\\s*\\[.*\\]$", ""); //$NON-NLS-1$ //$NON-NLS-2$
            if (!NOT_MEASURES.contains(name) && !name.equals("pa_id") && !name.equals("pa") && numbers(rows, h.getKey())) {
                out.add(h.getValue());
            }
        }
        if (out.isEmpty()) {
            throw new GisException(perPa, "has no column of numbers per PA", "a per-PA table such as per_pa.csv or a ranking");
        }
        return out;
    }

    private static boolean isAssessment(List<Csv.Row> rows) {
        return !rows.isEmpty() && rows.get(0).values().keySet().containsAll(List.of("pa_id", "layer", "per_area"));
    }

    private static String choice(Csv.Row r) {
        return r.get("year").isEmpty() ? r.get("layer") : r.get("layer") + " " + r.get("year");
    }

    /** The PA id column of a tool table: pa_id, or the trend tool's pa. */
    private static String idColumn(List<Csv.Row> rows, Path file) throws GisException {
        for (String c : List.of("pa_id", "pa")) {
            if (!rows.isEmpty() && rows.get(0).values().containsKey(c)) {
                return c;
            }
        }
        throw new GisException(file, "has no PA id column (pa_id)", "a per-PA table: an assessment's per_pa.csv, a ranking or a per-PA trend");
    }

    /** The header as written (units in their case), by its lower-case form. */
    private static Map<String, String> headers(Path file) throws GisException {
        try (java.io.BufferedReader in = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            String line = in.readLine();
            Map<String, String> out = new LinkedHashMap<>();
            for (String h : Csv.parse(line == null ? "" : line).stream().findFirst().orElse(List.of())) {
                out.put(h.strip().toLowerCase(java.util.Locale.ROOT), h.strip());
            }
            return out;
        } catch (java.io.IOException e) {
            throw new GisException(file, "cannot be read: " + e.getMessage(), "a readable CSV file", e);
        }
    }

    private static boolean numbers(List<Csv.Row> rows, String column) {
        boolean any = false;
        for (Csv.Row r : rows) {
            String v = r.get(column);
            if (v.isEmpty()) {
                continue;
            }
            try {
                Double.parseDouble(v);
                any = true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return any;
    }

    /** The values of each PA for one choice of {@link #choices}: a density, a change of density, or a table's column. */
    public static PaValues perPa(Path perPa, String choice) throws GisException {
        Map<String, Double> byId = new LinkedHashMap<>();
        List<Csv.Row> rows = Csv.read(perPa);
        if (!isAssessment(rows)) {
            String id = idColumn(rows, perPa);
            String column = choice.strip().toLowerCase(java.util.Locale.ROOT);
            for (Csv.Row r : rows) {
                if (!r.get(column).isEmpty() && !r.get(id).isEmpty()) {
                    byId.put(r.get(id), r.number(column, perPa));
                }
            }
            java.util.regex.Matcher u = Pattern.compile("^(.*?)\\s*\\[(.*)\\]$").matcher(choice.strip()); //$NON-NLS-1$
            String name = u.matches() ? u.group(1) : choice.strip();
            return values(perPa, rows, byId, name, u.matches() ? u.group(2) : "",
                    name.toLowerCase(java.util.Locale.ROOT).matches(".*(change|slope|growth|trend).*")); //$NON-NLS-1$
        }
        java.util.regex.Matcher m = CHANGE.matcher(choice);
        String unit = null;
        if (m.matches()) { // last year's density minus the first's, per PA that has both
            Map<String, Double> first = new LinkedHashMap<>();
            for (Csv.Row r : rows) {
                if (r.get("layer").equals(m.group(1)) && !r.get("per_area").isEmpty()) {
                    if (r.get("year").equals(m.group(2))) {
                        first.put(r.get("pa_id"), r.number("per_area", perPa));
                    } else if (r.get("year").equals(m.group(3))) {
                        byId.put(r.get("pa_id"), r.number("per_area", perPa));
                        unit = unit == null ? r.get("per_area_unit") : unit;
                    }
                }
            }
            byId.keySet().retainAll(first.keySet());
            byId.replaceAll((k, last) -> last - first.get(k));
            return values(perPa, rows, byId, choice, unit == null ? "" : unit, true);
        }
        for (Csv.Row r : rows) {
            if (choice(r).equals(choice) && !r.get("per_area").isEmpty()) {
                byId.put(r.get("pa_id"), r.number("per_area", perPa));
                unit = unit == null ? r.get("per_area_unit") : unit;
            }
        }
        return values(perPa, rows, byId, choice, unit == null ? "" : unit, false);
    }

    private static PaValues values(Path file, List<Csv.Row> rows, Map<String, Double> byId, String title, String unit, boolean change)
            throws GisException {
        if (byId.isEmpty()) {
            throw new GisException(file, "has no per-PA value for '" + title + "'", "one of " + choices(file));
        }
        return new PaValues(title, unit, byId, change);
    }

    /** The field of the features whose values match most PA ids of the result; a message when none matches. */
    public static String idField(FeatureSet pas, PaValues v, @Nullable Path file) throws GisException {
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
     * repeat), coloured along {@code ramp} (a change: along the diverging "change" ramp, white for none), then PAs
     * without a value in grey. Returns the layers, lowest class first.
     */
    public static List<MapLayer> add(MapModel map, FeatureSet pas, @Nullable Path file, PaValues v, String ramp, int classes) throws GisException {
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
        ColorRamp colours = ColorRamp.preset(v.change() ? "change" : ramp);
        double maxAbs = java.util.Arrays.stream(breaks).map(Math::abs).max().orElse(1);
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
            Color c = v.change() ? colours.at(maxAbs == 0 ? 0.5 : 0.5 + 0.5 * (breaks[i] + breaks[i + 1]) / 2 / maxAbs) // 0.5: no change
                    : colours.at(n == 1 ? 1 : (i + 0.5) / n);
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
