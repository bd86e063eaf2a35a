package org.pacarbon.tracker.core;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Export and import of a tracker: JSON (everything, lossless: export, import into an empty tracker and export
 * again gives the same bytes), CSV (one row per item, for spreadsheets; import adds or updates work items) and
 * Markdown (a report). Files are written to a temporary file and renamed into place.
 */
public final class TrackerIO {
    /** Format name in the JSON export. */
    public static final String FORMAT = "pacarbon-tracker";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrackerIO() {
    }

    // ---------------------------------------------------------------- JSON

    /** The whole tracker as a JSON tree. */
    public static ObjectNode toJson(TrackerStore store) throws TrackerException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        ArrayNode items = root.putArray("items");
        List<Item> all = store.items();
        Map<Long, List<Item>> byParent = new HashMap<>();
        for (Item i : all) {
            byParent.computeIfAbsent(i.parentId(), k -> new ArrayList<>()).add(i);
        }
        for (Item f : byParent.getOrDefault(0L, List.of())) {
            items.add(itemJson(store, f, byParent));
        }
        return root;
    }

    private static ObjectNode itemJson(TrackerStore store, Item i, Map<Long, List<Item>> byParent) throws TrackerException {
        ObjectNode o = JSON.createObjectNode();
        o.put("uid", i.uid());
        o.put("kind", i.kind().key());
        o.put("code", i.code());
        o.put("title", i.title());
        o.put("titleZh", i.titleZh());
        o.put("description", i.description());
        o.put("status", i.status().key());
        o.put("priority", i.priority().key());
        o.put("owner", i.owner());
        o.put("due", i.due() == null ? "" : i.due().toString());
        ArrayNode tags = o.putArray("tags");
        i.tags().forEach(tags::add);
        ArrayNode pas = o.putArray("pas");
        i.pas().forEach(pas::add);
        o.put("created", i.created().toString());
        o.put("modified", i.modified().toString());
        o.put("position", i.position());
        ArrayNode notes = o.putArray("notes");
        for (Note n : store.notes(i.id())) {
            ObjectNode x = notes.addObject();
            x.put("at", n.at().toString());
            x.put("author", n.author());
            x.put("text", n.text());
        }
        ArrayNode ev = o.putArray("evidence");
        for (Evidence e : store.evidence(i.id())) {
            ObjectNode x = ev.addObject();
            x.put("type", e.type().key());
            x.put("target", e.target());
            x.put("label", e.label());
            x.put("extent", e.extent());
            x.put("added", e.added().toString());
        }
        ArrayNode hist = o.putArray("history");
        for (Change c : store.history(i.id())) {
            ObjectNode x = hist.addObject();
            x.put("at", c.at().toString());
            x.put("who", c.who());
            x.put("field", c.field());
            x.put("old", c.oldValue());
            x.put("new", c.newValue());
        }
        ArrayNode kids = o.putArray("children");
        for (Item k : byParent.getOrDefault(i.id(), List.of())) {
            kids.add(itemJson(store, k, byParent));
        }
        return o;
    }

    public static void exportJson(TrackerStore store, Path out) throws TrackerException {
        String text;
        try {
            text = JSON.writeValueAsString(toJson(store)) + "\n";
        } catch (JsonProcessingException e) {
            throw new TrackerException("cannot write " + out + ": " + e.getOriginalMessage(), e);
        }
        write(out, text, false);
    }

    /**
     * Imports a JSON export. Items are matched by uid: new ones are added; for ones the tracker has, the fields
     * are taken from the file when the tracker's copy was never edited or the file's copy was modified at the same
     * time or later; notes, evidence and
     * history entries the tracker lacks are added. Nothing in the tracker is deleted. All or nothing: one
     * transaction. Returns the number of items added.
     */
    public static int importJson(TrackerStore store, Path in) throws TrackerException {
        JsonNode root;
        try {
            root = JSON.readTree(in.toFile());
        } catch (JsonProcessingException e) {
            throw new TrackerException("tracker export " + in + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new TrackerException("cannot read tracker export " + in + ": " + e.getMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new TrackerException(in + " is not a PA-Carbon tracker export (\"format\": \"" + FORMAT + "\" is missing)");
        }
        if (root.path("version").asInt() > 1) {
            throw new TrackerException(in + " was written by a newer PA-Carbon (export version "
                    + root.path("version").asInt() + ")");
        }
        int[] added = {0};
        store.tx(() -> {
            for (JsonNode n : root.path("items")) {
                importItem(store, in, n, 0, added);
            }
            return null;
        });
        return added[0];
    }

    private static void importItem(TrackerStore store, Path in, JsonNode n, long parent, int[] added)
            throws SQLException, TrackerException {
        String uid = req(n, "uid", in);
        Kind kind = Kind.parse(req(n, "kind", in));
        Map<Field, String> v = new LinkedHashMap<>();
        for (Field f : Field.values()) {
            String key = f == Field.TITLE_ZH ? "titleZh" : f.key();
            JsonNode x = n.get(key);
            if (x == null || x.isNull()) {
                continue;
            }
            String s;
            if (x.isArray()) {
                List<String> l = new ArrayList<>();
                x.forEach(e -> l.add(e.asText()));
                s = String.join(",", l);
            } else {
                s = x.asText();
            }
            try {
                v.put(f, f.normalize(s));
            } catch (TrackerException e) {
                throw new TrackerException(in + ": item " + uid + ": " + e.getMessage());
            }
        }
        String created = instant(n, "created", in, uid);
        String modified = instant(n, "modified", in, uid);
        int position = n.path("position").asInt(0);
        String code = n.path("code").asText("");
        var conn = store.connection();
        long id = -1;
        String localModified = null;
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, modified FROM item WHERE uid=?")) {
            ps.setString(1, uid);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    id = rs.getLong(1);
                    localModified = rs.getString(2);
                }
            }
        }
        if (id < 0) {
            if (kind == Kind.TASK && (code.isEmpty() || codeTaken(store, code))) {
                code = "T?";
            }
            id = store.insert(parent, uid, kind, code.isEmpty() ? "?" : code, v, created, modified, position);
            if (code.equals("T?")) {
                try (PreparedStatement ps = conn.prepareStatement("UPDATE item SET code=? WHERE id=?")) {
                    ps.setString(1, "T" + id);
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
            }
            added[0]++;
        } else if (!exists(store, "SELECT 1 FROM history WHERE item_id=?", id)
                || Instant.parse(modified).compareTo(Instant.parse(localModified)) >= 0) {
            StringBuilder sql = new StringBuilder("UPDATE item SET ");
            List<String> args = new ArrayList<>();
            for (Map.Entry<Field, String> e : v.entrySet()) {
                sql.append(e.getKey().key()).append("=?, ");
                args.add(e.getKey() == Field.DUE && e.getValue().isEmpty() ? null : e.getValue());
            }
            sql.append("created=?, modified=?, position=? WHERE id=?");
            try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
                int k = 1;
                for (String a : args) {
                    ps.setString(k++, a);
                }
                ps.setString(k++, created);
                ps.setString(k++, modified);
                ps.setInt(k++, position);
                ps.setLong(k, id);
                ps.executeUpdate();
            }
        }
        for (JsonNode x : n.path("notes")) {
            String at = instant(x, "at", in, uid);
            if (!exists(store, "SELECT 1 FROM note WHERE item_id=? AND at=? AND text=?", id, at, x.path("text").asText())) {
                store.insertNote(id, at, x.path("author").asText(""), x.path("text").asText());
            }
        }
        for (JsonNode x : n.path("evidence")) {
            String at = instant(x, "added", in, uid);
            String target = x.path("target").asText();
            if (!exists(store, "SELECT 1 FROM evidence WHERE item_id=? AND added=? AND target=?", id, at, target)) {
                Evidence.Type.parse(x.path("type").asText("file"));
                store.insertEvidence(id, x.path("type").asText("file"), target, x.path("label").asText(""),
                        x.path("extent").asText(""), at);
            }
        }
        for (JsonNode x : n.path("history")) {
            String at = instant(x, "at", in, uid);
            String field = x.path("field").asText();
            if (!exists(store, "SELECT 1 FROM history WHERE item_id=? AND at=? AND field=? AND new_value=?", id, at, field,
                    x.path("new").asText())) {
                try (PreparedStatement ps = conn.prepareStatement(
                        "INSERT INTO history(item_id, at, who, field, old_value, new_value) VALUES(?,?,?,?,?,?)")) {
                    ps.setLong(1, id);
                    ps.setString(2, at);
                    ps.setString(3, x.path("who").asText(""));
                    ps.setString(4, field);
                    ps.setString(5, x.path("old").asText(""));
                    ps.setString(6, x.path("new").asText(""));
                    ps.executeUpdate();
                }
            }
        }
        for (JsonNode k : n.path("children")) {
            importItem(store, in, k, id, added);
        }
    }

    private static boolean codeTaken(TrackerStore store, String code) throws SQLException {
        return exists(store, "SELECT 1 FROM item WHERE code=?", code);
    }

    private static boolean exists(TrackerStore store, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String req(JsonNode n, String key, Path in) throws TrackerException {
        String s = n.path(key).asText("");
        if (s.isBlank()) {
            throw new TrackerException(in + ": an item has no \"" + key + "\"");
        }
        return s;
    }

    private static String instant(JsonNode n, String key, Path in, String uid) throws TrackerException {
        String s = n.path(key).asText("");
        try {
            return Instant.parse(s).toString();
        } catch (DateTimeParseException e) {
            throw new TrackerException(in + ": item " + uid + ": \"" + key + "\" is not a timestamp: '" + s + "'");
        }
    }

    // ---------------------------------------------------------------- CSV

    static final List<String> CSV_COLUMNS = List.of("code", "kind", "parent", "title", "title_zh", "status", "priority",
            "owner", "due", "tags", "pas", "progress", "notes", "evidence", "description");

    /** One row per item, UTF-8 with a byte order mark so spreadsheet programs read Chinese titles right. */
    public static void exportCsv(TrackerStore store, Path out) throws TrackerException {
        List<Item> items = store.items();
        Map<Long, Double> progress = TrackerStore.progress(items);
        Map<Long, String> codes = new HashMap<>();
        items.forEach(i -> codes.put(i.id(), i.code()));
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (Item i : items) {
            List<String> row = List.of(i.code(), i.kind().key(), codes.getOrDefault(i.parentId(), ""), i.title(),
                    i.titleZh(), i.status().key(), i.priority().key(), i.owner(), i.due() == null ? "" : i.due().toString(),
                    String.join(",", i.tags()), String.join(",", i.pas()),
                    String.format(Locale.ROOT, "%.0f", 100 * progress.get(i.id())),
                    Integer.toString(store.notes(i.id()).size()), Integer.toString(store.evidence(i.id()).size()),
                    i.description());
            sb.append(String.join(",", row.stream().map(TrackerIO::csvField).toList())).append("\r\n");
        }
        write(out, sb.toString(), false);
    }

    static String csvField(String s) {
        return org.pacarbon.gis.core.io.Csv.field(s);
    }

    /** Parses RFC 4180 CSV (the project's one reader, {@link org.pacarbon.gis.core.io.Csv}). */
    public static List<List<String>> parseCsv(String text) {
        return org.pacarbon.gis.core.io.Csv.parse(text);
    }

    /**
     * Imports work items from CSV with a header row: {@code title} and {@code parent} (code or uid of a question or
     * work item) are required for new items; a row whose {@code code} names an existing work item updates it.
     * Other columns: any {@link Field} key; an empty cell leaves the field as it is (or at its default). Unknown
     * columns are ignored (so an export reads back). Framework rows
     * (kind framework/issue/question) are skipped. All or nothing. Returns {added, updated}.
     */
    public static int[] importCsv(TrackerStore store, Path in) throws TrackerException {
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

    // ---------------------------------------------------------------- Markdown

    /** A report: per framework and key issue, a table of questions and their work items. */
    public static String markdown(TrackerStore store, Locale locale) throws TrackerException {
        boolean zh = locale.getLanguage().equals("zh");
        List<Item> items = store.items();
        Map<Long, Double> progress = TrackerStore.progress(items);
        LocalDate today = LocalDate.now();
        StringBuilder sb = new StringBuilder();
        for (Item i : items) {
            String title = i.title(locale).replace("|", "\\|");
            if (i.kind() == Kind.FRAMEWORK || i.kind() == Kind.ISSUE) {
                if (sb.length() > 0 && !sb.toString().endsWith("\n\n")) {
                    sb.append("\n");
                }
            }
            switch (i.kind()) {
                case FRAMEWORK:
                    sb.append("# ").append(title).append("\n\n");
                    if (!i.description().isEmpty()) {
                        sb.append(i.description()).append("\n\n");
                    }
                    break;
                case ISSUE:
                    sb.append("## ").append(i.code()).append(" ").append(title).append(String.format(Locale.ROOT,
                            " (%.0f %%)", 100 * progress.get(i.id()))).append("\n\n");
                    sb.append(zh ? "| 编号 | 标题 | 状态 | 优先级 | 负责人 | 截止 | 进度 | 证据 |\n"
                            : "| Code | Title | Status | Priority | Owner | Due | Progress | Evidence |\n");
                    sb.append("|---|---|---|---|---|---|---:|---|\n");
                    break;
                default:
                    int depth = depth(i, items);
                    String indent = "&nbsp;&nbsp;".repeat(Math.max(0, depth - 2));
                    List<String> ev = store.evidence(i.id()).stream().map(e -> e.label().replace("|", "\\|")).toList();
                    sb.append("| ").append(i.code()).append(" | ").append(indent).append(title)
                            .append(" | ").append(i.status().key()).append(i.overdue(today) ? (zh ? " (逾期)" : " (overdue)") : "")
                            .append(" | ").append(i.priority().key())
                            .append(" | ").append(i.owner().replace("|", "\\|"))
                            .append(" | ").append(i.due() == null ? "" : i.due().toString())
                            .append(" | ").append(String.format(Locale.ROOT, "%.0f %%", 100 * progress.get(i.id())))
                            .append(" | ").append(String.join("; ", ev)).append(" |\n");
            }
        }
        return sb.toString();
    }

    private static int depth(Item i, List<Item> items) {
        Map<Long, Long> parent = new HashMap<>();
        items.forEach(x -> parent.put(x.id(), x.parentId()));
        int d = 0;
        for (long p = i.parentId(); p != 0; p = parent.getOrDefault(p, 0L)) {
            d++;
        }
        return d;
    }

    public static void exportMarkdown(TrackerStore store, Path out, Locale locale) throws TrackerException {
        write(out, markdown(store, locale), false);
    }

    /** Writes by a temporary file and an atomic rename, so a crash never leaves half a file. */
    static void write(Path out, String text, boolean bom) throws TrackerException {
        Path abs = out.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                if (bom) {
                    w.write('\uFEFF');
                }
                w.write(text);
            }
            TrackerStore.atomicMove(tmp, abs);
        } catch (IOException e) {
            throw new TrackerException("cannot write " + abs + ": " + e.getMessage(), e);
        }
    }
}
