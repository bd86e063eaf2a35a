package org.pacarbon.carbon.tools;

import java.nio.file.Path;
import java.util.List;

import org.pacarbon.gis.core.GisException;
import org.pacarbon.toolbox.core.ToolException;

/** The small CSV tables tools take (factor tables, activity data), read by the project's one CSV reader as tool errors. */
final class Csv {
    /** A data row: values by lower-case column name, and its line number in the file. */
    record Row(int line, java.util.Map<String, String> values) {
        String get(String column) {
            String v = values.get(column);
            return v == null ? "" : v.strip();
        }
    }

    private Csv() {
    }

    /** Reads a table and checks that it has the required columns (lower case). */
    static List<Row> read(Path file, String... required) throws ToolException {
        try {
            return org.pacarbon.gis.core.io.Csv.read(file, required).stream().map(r -> new Row(r.line(), r.values())).toList();
        } catch (GisException e) {
            throw new ToolException(e.getMessage(), e);
        }
    }

    static double number(Row r, String column, Path file) throws ToolException {
        try {
            return new org.pacarbon.gis.core.io.Csv.Row(r.line(), r.values()).number(column, file);
        } catch (GisException e) {
            throw new ToolException(e.getMessage(), e);
        }
    }
}
