package org.pacarbon.tracker.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A tracker as CSV (one row per item, for spreadsheets) and work items from CSV (see {@link TrackerIO#importCsv}). */
final class TrackerCsv {
    private TrackerCsv() {
    }

    static final List<String> CSV_COLUMNS = List.of("code", "kind", "parent", "title", "title_zh", "status", "priority",
            "owner", "due", "tags", "pas", "progress", "notes", "evidence", "description");

    static void exportCsv(TrackerStore store, Path out) throws TrackerException {
        List<Item> items = store.items();
        Map<Long, Double> progress = TrackerStore.progress(items);
        Map<Long, String> codes = new HashMap<>();
        items.forEach(i -> codes.put(i.id(), i.code()));
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (Item i : items) {
            List<String> row = List.of(i.code(), i.kind().key(), codes.getOrDefault(i.parentId(), ""), i.title(),
                    i.titleZh(), i.status().key(), i.priority().key(), i.owner(), i.dueText(),
                    String.join(",", i.tags()), String.join(",", i.pas()),
                    String.format(Locale.ROOT, "%.0f", 100 * progress.get(i.id())),
                    Integer.toString(store.notes(i.id()).size()), Integer.toString(store.evidence(i.id()).size()),
                    i.description());
            sb.append(String.join(",", row.stream().map(TrackerCsv::csvField).toList())).append("\r\n");
        }
        TrackerIO.write(out, sb.toString(), false);
    }

    static String csvField(String s) {
        return org.pacarbon.gis.core.io.Csv.field(s);
    }

    static List<List<String>> parseCsv(String text) {
        return org.pacarbon.gis.core.io.Csv.parse(text);
    }

    static int[] importCsv(TrackerStore store, Path in) throws TrackerException {
        String text;
        try {
            text = Files.readString(in, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TrackerException("cannot read " + in + ": " + e.getMessage(), e);
        }
        List<List<String>> rows = parseCsv(text);
        if (rows.isEmpty()) {
            throw new TrackerException(in + " is empty");
        }
        List<String> head = rows.get(0).stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        if (!head.contains("title")) {
            throw new TrackerException(in + ": the header has no 'title' column (found: " + String.join(", ", head) + ")");
        }
        // Check every row before writing anything.
        List<Map<String, String>> records = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            Map<String, String> rec = new LinkedHashMap<>();
            List<String> row = rows.get(r);
            for (int c = 0; c < head.size(); c++) {
                rec.put(head.get(c), c < row.size() ? row.get(c) : "");
            }
            String kind = rec.getOrDefault("kind", "task").strip();
            if (!kind.isEmpty() && !kind.equalsIgnoreCase("task")) {
                continue;
            }
            for (Field f : Field.values()) {
                String val = rec.get(f.key());
                if (val != null && !val.isBlank()) {
                    try {
                        f.normalize(val);
                    } catch (TrackerException e) {
                        throw new TrackerException(in + " line " + (r + 1) + ": " + e.getMessage());
                    }
                }
            }
            rec.put("#line", Integer.toString(r + 1));
            records.add(rec);
        }
        int added = 0;
        int updated = 0;
        for (Map<String, String> rec : records) {
            String line = rec.get("#line");
            String code = rec.getOrDefault("code", "").strip();
            Item existing = null;
            if (!code.isEmpty()) {
                try {
                    existing = store.find(code);
                } catch (TrackerException e) {
                    existing = null;
                }
            }
            try {
                if (existing != null && existing.kind() == Kind.TASK) {
                    boolean any = false;
                    for (Field f : Field.values()) {
                        String val = rec.get(f.key());
                        if (val != null && !val.isBlank()) {
                            any |= store.set(existing.id(), f, val) != null;
                        }
                    }
                    updated += any ? 1 : 0;
                } else {
                    String parent = rec.getOrDefault("parent", "").strip();
                    if (parent.isEmpty()) {
                        throw new TrackerException("a new work item needs a 'parent' (a question code such as Q7)");
                    }
                    Map<Field, String> v = new LinkedHashMap<>();
                    for (Field f : Field.values()) {
                        String val = rec.get(f.key());
                        if (val != null && !val.isBlank() && f != Field.TITLE) {
                            v.put(f, val);
                        }
                    }
                    store.addTask(store.find(parent).id(), rec.getOrDefault("title", ""), v);
                    added++;
                }
            } catch (TrackerException e) {
                throw new TrackerException(in + " line " + line + ": " + e.getMessage()
                        + (added + updated > 0 ? " (the " + (added + updated) + " rows before it were imported)" : ""));
            }
        }
        return new int[] {added, updated};
    }
}
