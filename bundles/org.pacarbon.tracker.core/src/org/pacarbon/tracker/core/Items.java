package org.pacarbon.tracker.core;

import org.eclipse.jdt.annotation.Nullable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading a tracker's items: one by row id, all of them in tree order, by a reference (row id, uid or code), or those a
 * query matches. A row whose bytes were damaged is reported as damage of the file, with the backup to restore.
 */
final class Items {
    private static final String COLUMNS = "id, uid, parent_id, kind, code, title, title_zh, description, status, "
            + "priority, owner, due, tags, pas, created, modified, position";

    private final Db db;

    Items(Db db) {
        this.db = db;
    }

    private Item item(ResultSet rs) throws SQLException, TrackerException {
        try {
            return itemOf(rs);
        } catch (TrackerException | RuntimeException e) { // a row whose bytes were damaged: named, with the restore path
            String id;
            try {
                id = String.valueOf(rs.getLong("id"));
            } catch (SQLException x) {
                id = "?";
            }
            throw new TrackerException.Damaged(db.file, "item " + id + " is damaged (" + (e instanceof TrackerException ? e.getMessage()
                    : e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT)
                    + ": " + e.getMessage()) + ")", TrackerFile.existingBackup(TrackerFile.backupPath(db.file)));
        }
    }

    private static Item itemOf(ResultSet rs) throws SQLException, TrackerException {
        String due = rs.getString("due");
        return new Item(rs.getLong("id"), rs.getString("uid"), rs.getLong("parent_id"), Kind.parse(rs.getString("kind")),
                rs.getString("code"), rs.getString("title"), rs.getString("title_zh"), rs.getString("description"),
                Status.parse(rs.getString("status")), Priority.parse(rs.getString("priority")), rs.getString("owner"),
                due == null || due.isEmpty() ? null : LocalDate.parse(due), Field.list(rs.getString("tags")),
                Field.list(rs.getString("pas")), Instant.parse(rs.getString("created")),
                Instant.parse(rs.getString("modified")), rs.getInt("position"));
    }

    /** All items in tree order: each framework, then depth first, children by position. */
    List<Item> all() throws TrackerException {
        List<Item> all = db.sql(() -> {
            List<Item> l = new ArrayList<>();
            try (Statement st = db.conn.createStatement();
                    ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM item")) {
                while (rs.next()) {
                    l.add(item(rs));
                }
            }
            return l;
        });
        Map<Long, List<Item>> byParent = new HashMap<>();
        for (Item i : all) {
            byParent.computeIfAbsent(i.parentId(), k -> new ArrayList<>()).add(i);
        }
        List<Item> out = new ArrayList<>(all.size());
        addTree(0L, byParent, out);
        return out;
    }

    private static void addTree(long parent, Map<Long, List<Item>> byParent, List<Item> out) {
        List<Item> kids = new ArrayList<>(byParent.getOrDefault(parent, List.of()));
        kids.sort(Comparator.comparingInt(Item::position).thenComparingLong(Item::id));
        for (Item k : kids) {
            out.add(k);
            addTree(k.id(), byParent, out);
        }
    }

    /** The item with this row id; a message naming the file when there is none. */
    Item byId(long id) throws TrackerException {
        @Nullable
        Item i = db.<@Nullable Item>sql(() -> {
            try (PreparedStatement ps = db.conn.prepareStatement("SELECT " + COLUMNS + " FROM item WHERE id=?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? item(rs) : null;
                }
            }
        });
        if (i == null) {
            throw new TrackerException("tracker file " + db.file + " has no item #" + id);
        }
        return i;
    }

    /** Finds an item by row id ("12" or "#12"), uid ("pa-carbon:Q7") or code ("Q7", "T12"). */
    Item find(String ref) throws TrackerException {
        String r = ref.strip();
        if (r.matches("#?\\d+")) {
            return byId(Long.parseLong(r.replace("#", "")));
        }
        List<Item> hits = new ArrayList<>();
        for (Item i : all()) {
            if (i.uid().equals(r) || i.code().equalsIgnoreCase(r)) {
                hits.add(i);
            }
        }
        if (hits.isEmpty()) {
            throw new TrackerException("tracker file " + db.file + " has no item '" + r + "'");
        }
        if (hits.size() > 1) {
            throw new TrackerException("'" + r + "' names " + hits.size() + " items (" + String.join(", ",
                    hits.stream().map(Item::uid).toList()) + "); use one of these ids");
        }
        return hits.get(0);
    }

    /** Items matching the query (its text also searches the notes), in tree order. */
    List<Item> query(Query q) throws TrackerException {
        List<Item> all = all();
        if (q.isAll()) {
            return all;
        }
        Map<Long, StringBuilder> notes = new HashMap<>();
        if (!q.text().isEmpty()) {
            db.sql(() -> {
                try (Statement st = db.conn.createStatement();
                        ResultSet rs = st.executeQuery("SELECT item_id, text FROM note")) {
                    while (rs.next()) {
                        notes.computeIfAbsent(rs.getLong(1), k -> new StringBuilder()).append(rs.getString(2)).append('\n');
                    }
                }
                return null;
            });
        }
        LocalDate today = LocalDate.now();
        return all.stream().filter(i -> q.matches(i, String.valueOf(notes.getOrDefault(i.id(), new StringBuilder())),
                today)).toList();
    }

    /**
     * Progress of every item, 0..1: a leaf is 1 when done, else 0; an item with children is the mean of its
     * children (so a question's progress rolls up from its work items, an issue's from its questions).
     */
    static Map<Long, Double> progress(List<Item> items) {
        Map<Long, List<Item>> byParent = new HashMap<>();
        for (Item i : items) {
            byParent.computeIfAbsent(i.parentId(), k -> new ArrayList<>()).add(i);
        }
        Map<Long, Double> out = new HashMap<>();
        for (Item i : items) {
            progressOf(i, byParent, out);
        }
        return out;
    }

    private static double progressOf(Item i, Map<Long, List<Item>> byParent, Map<Long, Double> memo) {
        Double m = memo.get(i.id());
        if (m != null) {
            return m;
        }
        List<Item> kids = byParent.getOrDefault(i.id(), List.of());
        double p;
        if (kids.isEmpty()) {
            p = i.status() == Status.DONE ? 1 : 0;
        } else {
            p = kids.stream().mapToDouble(k -> progressOf(k, byParent, memo)).average().orElse(0);
        }
        memo.put(i.id(), p);
        return p;
    }
}
