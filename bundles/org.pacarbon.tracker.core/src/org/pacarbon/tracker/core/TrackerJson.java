package org.pacarbon.tracker.core;

import org.eclipse.jdt.annotation.Nullable;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A tracker as JSON and back: everything, lossless (see {@link TrackerIO#importJson}). */
final class TrackerJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrackerJson() {
    }

    static ObjectNode toJson(TrackerStore store) throws TrackerException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", TrackerIO.FORMAT);
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
        o.put("due", i.dueText());
        ArrayNode tags = o.putArray("tags");
        i.tags().forEach(tags::add);
        ArrayNode pas = o.putArray("pas");
        i.pas().forEach(pas::add);
        o.put("created", Db.stamp(i.created()));
        o.put("modified", Db.stamp(i.modified()));
        o.put("position", i.position());
        ArrayNode notes = o.putArray("notes");
        for (Note n : store.notes(i.id())) {
            ObjectNode x = notes.addObject();
            x.put("at", Db.stamp(n.at()));
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
            x.put("added", Db.stamp(e.added()));
        }
        ArrayNode hist = o.putArray("history");
        for (Change c : store.history(i.id())) {
            ObjectNode x = hist.addObject();
            x.put("at", Db.stamp(c.at()));
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

    static void exportJson(TrackerStore store, Path out) throws TrackerException {
        String text;
        try {
            text = JSON.writeValueAsString(toJson(store)) + "\n";
        } catch (JsonProcessingException e) {
            throw new TrackerException("cannot write " + out + ": " + e.getOriginalMessage(), e);
        }
        TrackerIO.write(out, text, false);
    }

    static int importJson(TrackerStore store, Path in) throws TrackerException {
        JsonNode root;
        try {
            root = JSON.readTree(in.toFile());
        } catch (JsonProcessingException e) {
            throw new TrackerException("tracker export " + in + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new TrackerException("cannot read tracker export " + in + ": " + e.getMessage(), e);
        }
        if (root == null || !TrackerIO.FORMAT.equals(root.path("format").asText())) {
            throw new TrackerException(in + " is not a PA-Carbon tracker export (\"format\": \"" + TrackerIO.FORMAT + "\" is missing)");
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
            List<@Nullable String> args = new ArrayList<>();
            for (Map.Entry<Field, String> e : v.entrySet()) {
                sql.append(e.getKey().key()).append("=?, ");
                args.add(e.getKey() == Field.DUE && e.getValue().isEmpty() ? null : e.getValue());
            }
            sql.append("created=?, modified=?, position=? WHERE id=?");
            try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
                int k = 1;
                for (@Nullable String a : args) {
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
            return Db.stamp(Instant.parse(s));
        } catch (DateTimeParseException e) {
            throw new TrackerException(in + ": item " + uid + ": \"" + key + "\" is not a timestamp: '" + s + "'");
        }
    }
}
