package org.pacarbon.tracker.core;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What hangs on an item: its notes, its evidence (files, assessment runs, maps, URLs) and the history of its changes;
 * adding a note or evidence marks the item modified.
 */
final class Attachments {
    private final Db db;
    private final Items items;
    private final ItemEdits edits;

    Attachments(Db db, Items items, ItemEdits edits) {
        this.db = db;
        this.items = items;
        this.edits = edits;
    }

    /** A query by item id, one object per row, in the order of the SQL. */
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException, TrackerException;
    }

    private <T> List<T> byItem(String sql, long itemId, RowMapper<T> row) throws TrackerException {
        return db.sql(() -> {
            List<T> l = new ArrayList<>();
            try (PreparedStatement ps = db.conn.prepareStatement(sql)) {
                ps.setLong(1, itemId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        l.add(row.map(rs));
                    }
                }
            }
            return l;
        });
    }

    List<Note> notes(long itemId) throws TrackerException {
        return byItem("SELECT id, item_id, at, author, text FROM note WHERE item_id=? ORDER BY at, id", itemId,
                rs -> new Note(rs.getLong(1), rs.getLong(2), Instant.parse(rs.getString(3)), rs.getString(4), rs.getString(5)));
    }

    List<Evidence> evidence(long itemId) throws TrackerException {
        return byItem("SELECT id, item_id, type, target, label, extent, added FROM evidence WHERE item_id=? ORDER BY added, id", itemId,
                rs -> new Evidence(rs.getLong(1), rs.getLong(2), Evidence.Type.parse(rs.getString(3)), rs.getString(4), rs.getString(5),
                        rs.getString(6), Instant.parse(rs.getString(7))));
    }

    List<Change> history(long itemId) throws TrackerException {
        return byItem("SELECT id, item_id, at, who, field, old_value, new_value FROM history WHERE item_id=? ORDER BY at, id", itemId,
                rs -> new Change(rs.getLong(1), rs.getLong(2), Instant.parse(rs.getString(3)), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)));
    }

    Note addNote(long itemId, String text) throws TrackerException {
        if (text == null || text.isBlank()) {
            throw new TrackerException("a note must not be empty");
        }
        items.byId(itemId);
        return db.tx(() -> {
            String now = Db.now();
            long nid = insertNote(itemId, now, db.user(), text.strip());
            touch(itemId, now);
            return new Note(nid, itemId, Instant.parse(now), db.user(), text.strip());
        });
    }

    /** Inserts a note row as it is (inside the caller's transaction); returns its row id. */
    long insertNote(long itemId, String at, String author, String text) throws SQLException {
        return db.insert("INSERT INTO note(item_id, at, author, text) VALUES(?,?,?,?)", itemId, at, author, text);
    }

    void deleteNote(long noteId) throws TrackerException {
        db.tx(() -> {
            db.byId("DELETE FROM note WHERE id=?", noteId);
            return null;
        });
    }

    /** Links evidence to an item; an empty label becomes the file or URL's last part; an extent is minx,miny,maxx,maxy. */
    Evidence addEvidence(long itemId, Evidence.Type type, String target, String label, String extent) throws TrackerException {
        if (target == null || target.isBlank()) {
            throw new TrackerException("evidence needs a file or URL");
        }
        items.byId(itemId);
        String t = target.strip();
        String l = label == null || label.isBlank() ? defaultLabel(t, type) : label.strip();
        String x = extent == null ? "" : extent.strip();
        if (!x.isEmpty()) {
            String[] p = x.split(",");
            try {
                if (p.length != 4) {
                    throw new NumberFormatException();
                }
                for (String s : p) {
                    Double.parseDouble(s.strip());
                }
            } catch (NumberFormatException e) {
                throw new TrackerException("extent '" + x + "' is not minx,miny,maxx,maxy");
            }
        }
        return db.tx(() -> {
            String now = Db.now();
            long eid = insertEvidence(itemId, type.key(), t, l, x, now);
            touch(itemId, now);
            edits.recordChange(itemId, now, "evidence", "", t);
            return new Evidence(eid, itemId, type, t, l, x, Instant.parse(now));
        });
    }

    private static String defaultLabel(String target, Evidence.Type type) {
        String t = target.replaceAll("[/\\\\]+$", "");
        int slash = Math.max(t.lastIndexOf('/'), t.lastIndexOf('\\'));
        String last = slash >= 0 ? t.substring(slash + 1) : t;
        if (type == Evidence.Type.RUN && slash > 0) {
            String dir = t.substring(0, slash);
            int s2 = Math.max(dir.lastIndexOf('/'), dir.lastIndexOf('\\'));
            return "assessment run " + dir.substring(s2 + 1);
        }
        return type == Evidence.Type.URL ? t : last;
    }

    /** Inserts an evidence row as it is (inside the caller's transaction); returns its row id. */
    long insertEvidence(long itemId, String type, String target, String label, String extent, String added) throws SQLException {
        return db.insert("INSERT INTO evidence(item_id, type, target, label, extent, added) VALUES(?,?,?,?,?,?)", itemId, type, target,
                label, extent, added);
    }

    void removeEvidence(long evidenceId) throws TrackerException {
        db.tx(() -> {
            db.byId("DELETE FROM evidence WHERE id=?", evidenceId);
            return null;
        });
    }

    private void touch(long itemId, String now) throws SQLException {
        try (PreparedStatement ps = db.conn.prepareStatement("UPDATE item SET modified=? WHERE id=?")) {
            ps.setString(1, now);
            ps.setLong(2, itemId);
            ps.executeUpdate();
        }
    }
}
