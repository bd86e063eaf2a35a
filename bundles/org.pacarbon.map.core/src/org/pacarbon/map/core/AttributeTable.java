package org.pacarbon.map.core;

import org.eclipse.jdt.annotation.Nullable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.pacarbon.gis.core.text.Numbers;
import org.pacarbon.gis.core.vector.Feature;

/**
 * The attribute table of a vector layer, apart from any widget: its fields, the rows that pass a filter, in a sort
 * order, as text a person reads (numbers through {@link Numbers}) or as tab-separated text to paste elsewhere.
 */
public final class AttributeTable {
    private final List<Feature> features;
    private final List<String> fields;
    private List<Integer> view = List.of();
    private String filter = "";
    private int sortField = -1;
    private boolean ascending = true;

    public AttributeTable(List<Feature> features) {
        this.features = List.copyOf(features);
        Set<String> names = new LinkedHashSet<>();
        for (Feature f : this.features) {
            for (String k : f.attributes().keySet()) {
                if (!(f.attributes().get(k) instanceof Geometry)) {
                    names.add(k);
                }
            }
        }
        this.fields = List.copyOf(names);
        update();
    }

    /** The columns: the features' attribute names, in the order first met. */
    public List<String> fields() {
        return fields;
    }

    /** Number of rows shown (after the filter). */
    public int size() {
        return view.size();
    }

    /** All the features, whatever the filter. */
    public int featureCount() {
        return features.size();
    }

    /** The feature shown in row {@code row}. */
    public Feature feature(int row) {
        return features.get(view.get(row));
    }

    /** The text of a cell: numbers formatted for reading, empty for none. */
    public String text(int row, int field) {
        return text(feature(row).attributes().get(fields.get(field)));
    }

    static String text(@Nullable Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double || v instanceof Float) {
            return Numbers.format(((Number) v).doubleValue());
        }
        return v.toString();
    }

    /** Shows only the rows with a cell containing {@code text} (case-insensitive); empty shows all. */
    public void filter(String text) {
        filter = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        update();
    }

    /** Sorts by a field (numbers by value, text alphabetically; empty cells last); the same field again reverses. */
    public void sortBy(int field) {
        ascending = field != sortField || !ascending;
        sortField = field;
        update();
    }

    public int sortField() {
        return sortField;
    }

    public boolean ascending() {
        return ascending;
    }

    private void update() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            if (filter.isEmpty() || matches(features.get(i))) {
                rows.add(i);
            }
        }
        if (sortField >= 0) {
            String name = fields.get(sortField);
            Comparator<Integer> c = (a, b) -> compare(features.get(a).attributes().get(name), features.get(b).attributes().get(name));
            rows.sort(ascending ? c : c.reversed());
            if (!ascending) { // empty cells last in both orders
                List<Integer> empty = rows.stream().filter(i -> features.get(i).attributes().get(name) == null).toList();
                rows.removeAll(empty);
                rows.addAll(empty);
            }
        }
        view = rows;
    }

    private boolean matches(Feature f) {
        for (String k : fields) {
            if (text(f.attributes().get(k)).toLowerCase(Locale.ROOT).contains(filter)) {
                return true;
            }
        }
        return f.id() != null && f.id().toLowerCase(Locale.ROOT).contains(filter);
    }

    private static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return a.toString().compareToIgnoreCase(b.toString());
    }

    /** Rows as tab-separated text with a header line (numbers unformatted, for spreadsheets). */
    public String tsv(int[] rows) {
        StringBuilder sb = new StringBuilder(String.join("\t", fields)).append('\n');
        for (int r : rows) {
            Feature f = feature(r);
            for (int k = 0; k < fields.size(); k++) {
                Object v = f.attributes().get(fields.get(k));
                sb.append(k > 0 ? "\t" : "").append(v == null ? "" : v.toString().replace('\t', ' ').replace('\n', ' '));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The union of the rows' geometries (in the layer's CRS), or null for none. */
    public @Nullable Geometry geometry(int[] rows) {
        List<Geometry> gs = new ArrayList<>();
        for (int r : rows) {
            gs.add(feature(r).geometry());
        }
        return gs.isEmpty() ? null : gs.get(0).getFactory().buildGeometry(gs);
    }

    /** The extent of the rows' geometries (null for none). */
    public @Nullable Envelope extent(int[] rows) {
        Geometry g = geometry(rows);
        return g == null ? null : g.getEnvelopeInternal();
    }
}
