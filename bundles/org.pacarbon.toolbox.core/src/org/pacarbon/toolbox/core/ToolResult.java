package org.pacarbon.toolbox.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a run produced: tables (with units), rasters, vector layers, charts and text, in order. */
public final class ToolResult {
    /**
     * Columns that, together in a table, give each row's extent (in the CRS of the tool's input): the workbench
     * zooms the map to a row's extent when the row is selected.
     */
    public static final List<String> EXTENT_COLUMNS = List.of("min x", "min y", "max x", "max y");

    /** A column of a table: its name and unit ("" for none). */
    public record Column(String name, String unit) {
    }

    /** A table; cells are String, Number or null. */
    public record Table(String title, List<Column> columns, List<List<Object>> rows) {
        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }

        /** The column's index, by name. */
        public int column(String name) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(name)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no column " + name + " in table " + title);
        }
    }

    /**
     * A raster the tool wrote. {@code quantity} says how to style it: carbon, npp, emissions, class, trend, or
     * hotspot.
     */
    public record Raster(String title, Path file, String quantity, String unit) {
    }

    /** A vector layer the tool wrote. */
    public record Vector(String title, Path file) {
    }

    /** A chart of a table: bars per category ({@code x} column) or lines per year. */
    public record Chart(String title, String kind, String table, String x, List<String> y) {
    }

    private final List<Object> items = new ArrayList<>();
    private final StringBuilder log = new StringBuilder();

    public ToolResult add(Object item) {
        if (!(item instanceof Table || item instanceof Raster || item instanceof Vector || item instanceof Chart
                || item instanceof String)) {
            throw new IllegalArgumentException("not a result: " + item);
        }
        items.add(item);
        return this;
    }

    /** Everything, in the order added (text items are Strings). */
    public List<Object> items() {
        return List.copyOf(items);
    }

    public List<Table> tables() {
        return items.stream().filter(Table.class::isInstance).map(Table.class::cast).toList();
    }

    public List<Raster> rasters() {
        return items.stream().filter(Raster.class::isInstance).map(Raster.class::cast).toList();
    }

    public Table table(String title) {
        return tables().stream().filter(t -> t.title().equals(title)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + title));
    }

    StringBuilder log() {
        return log;
    }
}
