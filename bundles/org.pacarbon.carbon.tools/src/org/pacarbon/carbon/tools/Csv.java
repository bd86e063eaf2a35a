package org.pacarbon.carbon.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pacarbon.toolbox.core.ToolException;

/** Reads the small CSV tables tools take (factor tables, activity data): header row, RFC 4180 quoting. */
final class Csv {
    /** A data row: values by lower-case column name, and its line number in the file. */
    record Row(int line, Map<String, String> values) {
        String get(String column) {
            String v = values.get(column);
            return v == null ? "" : v.strip();
        }
    }

    private Csv() {
    }

    /** Reads a table and checks that it has the required columns (lower case). */
    static List<Row> read(Path file, String... required) throws ToolException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ToolException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = parse(text);
        if (rows.isEmpty()) {
            throw new ToolException(file + " is empty");
        }
        List<String> head = rows.get(0).stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        for (String r : required) {
            if (!head.contains(r)) {
                throw new ToolException(file + " has no column '" + r + "' (it has: " + String.join(", ", head) + ")");
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

    static double number(Row r, String column, Path file) throws ToolException {
        String s = r.get(column);
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new ToolException(file + " line " + r.line() + ": " + column + " '" + s + "' is not a number");
        }
    }

    private static List<List<String>> parse(String t) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (q) {
                if (c == '"' && i + 1 < t.length() && t.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    q = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                q = true;
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
}
