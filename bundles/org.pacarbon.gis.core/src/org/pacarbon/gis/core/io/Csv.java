package org.pacarbon.gis.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pacarbon.gis.core.GisException;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The project's one CSV reader and writer (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes; a
 * UTF-8 byte order mark is skipped): the tables tools read (factor tables, activity data, per-PA results), the
 * tracker's import and export, the reports' outputs.
 */
public final class Csv {
    /** A data row: values by lower-case column name, and its line number in the file (the header is line 1). */
    public record Row(int line, Map<String, String> values) {
        /** The value of a column, stripped; "" when the row has no such column. */
        public String get(String column) {
            String v = values.get(column);
            return v == null ? "" : v.strip();
        }

        /** The value of a column as a number; a message naming the file, line and column when it is not one. */
        public double number(String column, Path file) throws GisException {
            String s = get(column);
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new GisException(file, "line " + line + ": " + column + " '" + s + "' is not a number", "a number");
            }
        }
    }

    private Csv() {
    }

    /** Reads a table with a header row and checks that it has the {@code required} columns (lower case). */
    public static List<Row> read(Path file, String... required) throws GisException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GisException(file, "cannot be read: " + e.getMessage(), "a readable UTF-8 CSV file", e);
        }
        List<List<String>> rows = parse(text);
        if (rows.isEmpty()) {
            throw new GisException(file, "is empty", "a CSV table with a header row");
        }
        List<String> head = rows.get(0).stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        for (String r : required) {
            if (!head.contains(r)) {
                throw new GisException(file, "has no column '" + r + "' (it has: " + String.join(", ", head) + ")",
                        "the columns " + String.join(", ", required));
            }
        }
        List<Row> out = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int c = 0; c < head.size(); c++) {
                m.put(head.get(c), c < rows.get(i).size() ? rows.get(i).get(c) : "");
            }
            out.add(new Row(i + 1, m));
        }
        return out;
    }

    /** Parses CSV text into rows of fields; blank lines are skipped. */
    public static List<List<String>> parse(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < t.length() && t.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < t.length() && t.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(f.toString());
                f.setLength(0);
                if (!(row.size() == 1 && row.get(0).isBlank())) {
                    rows.add(row);
                }
                row = new ArrayList<>();
            } else {
                f.append(c);
            }
        }
        if (f.length() > 0 || !row.isEmpty()) {
            row.add(f.toString());
            rows.add(row);
        }
        return rows;
    }

    /** A field as CSV writes it: quoted when it holds a comma, a quote or a line break (null: empty). */
    public static String field(@Nullable String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** One CSV line (without its line break) of the fields. */
    public static String line(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            sb.append(i > 0 ? "," : "").append(field(fields.get(i)));
        }
        return sb.toString();
    }
}
