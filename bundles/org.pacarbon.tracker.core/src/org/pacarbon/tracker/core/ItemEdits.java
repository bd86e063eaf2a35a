package org.pacarbon.tracker.core;

import org.eclipse.jdt.annotation.Nullable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Changing a tracker's items: a framework's issues and questions seeded or updated, work items added and deleted,
 * fields set; every change of a field goes into the item's history with who and when. Each call is one transaction.
 */
final class ItemEdits {
    private final Db db;
    private final Items items;

    ItemEdits(Db db, Items items) {
        this.db = db;
        this.items = items;
    }

    /**
     * Adds the issues and questions of a framework that the tracker does not have yet (matched by
     * {@code framework-id:code}), and updates the titles and descriptions of those it has; status, owners and
     * work items stay as they are. Returns how many items were added.
     */
    int loadFramework(Framework f) throws TrackerException {
        return db.tx(() -> {
            int[] added = {0};
            long root = upsertDefined(0, f.id(), Kind.FRAMEWORK, f.id().toUpperCase(java.util.Locale.ROOT), f.title(),
                    f.titleZh(), f.source(), 0, added);
            int pos = 0;
            for (Framework.Node issue : f.issues()) {
                long iid = upsertDefined(root, f.id() + ":" + issue.code(), Kind.ISSUE, issue.code(), issue.title(),
                        issue.titleZh(), issue.description(), pos++, added);
                int qpos = 0;
                for (Framework.Node q : issue.questions()) {
                    upsertDefined(iid, f.id() + ":" + q.code(), Kind.QUESTION, q.code(), q.title(), q.titleZh(),
                            q.description(), qpos++, added);
                }
            }
            return added[0];
        });
    }

    private long upsertDefined(long parent, String uid, Kind kind, String code, String title, String titleZh,
            String description, int position, int[] added) throws SQLException {
        try (PreparedStatement ps = db.conn.prepareStatement("SELECT id FROM item WHERE uid=?")) {
            ps.setString(1, uid);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long id = rs.getLong(1);
                    try (PreparedStatement up = db.conn.prepareStatement(
                            "UPDATE item SET title=?, title_zh=?, description=?, position=? WHERE id=?")) {
                        up.setString(1, title);
                        up.setString(2, titleZh);
                        up.setString(3, description);
                        up.setInt(4, position);
                        up.setLong(5, id);
                        up.executeUpdate();
                    }
                    return id;
                }
            }
        }
        added[0]++;
        String now = Db.now();
        return insert(parent, uid, kind, code, Map.of(Field.TITLE, title, Field.TITLE_ZH, titleZh, Field.DESCRIPTION,
                description), now, now, position);
    }

    /** Inserts an item row as it is (inside the caller's transaction); returns its row id. */
    long insert(long parent, String uid, Kind kind, String code, Map<Field, String> values, String created,
            String modified, int position) throws SQLException {
        try (PreparedStatement ps = db.conn.prepareStatement("INSERT INTO item(uid, parent_id, kind, code, title, title_zh, "
                + "description, status, priority, owner, due, tags, pas, created, modified, position) "
                + "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, uid);
            if (parent == 0) {
                ps.setNull(2, java.sql.Types.INTEGER);
            } else {
                ps.setLong(2, parent);
            }
            ps.setString(3, kind.key());
            ps.setString(4, code);
            ps.setString(5, values.getOrDefault(Field.TITLE, ""));
            ps.setString(6, values.getOrDefault(Field.TITLE_ZH, ""));
            ps.setString(7, values.getOrDefault(Field.DESCRIPTION, ""));
            ps.setString(8, values.getOrDefault(Field.STATUS, Status.OPEN.key()));
            ps.setString(9, values.getOrDefault(Field.PRIORITY, Priority.NORMAL.key()));
            ps.setString(10, values.getOrDefault(Field.OWNER, ""));
            String due = values.getOrDefault(Field.DUE, "");
            ps.setString(11, due.isEmpty() ? null : due);
            ps.setString(12, values.getOrDefault(Field.TAGS, ""));
            ps.setString(13, values.getOrDefault(Field.PAS, ""));
            ps.setString(14, created);
            ps.setString(15, modified);
            ps.setInt(16, position);
            return Db.insertedId(ps);
        }
    }

    /**
     * Adds a work item under a research question or another work item. {@code fields} may set any {@link Field}
     * (checked and normalized); its code is T and its row id.
     */
    Item addTask(long parentId, String title, Map<Field, String> fields) throws TrackerException {
        Item parent = items.byId(parentId);
        if (parent.kind() != Kind.QUESTION && parent.kind() != Kind.TASK) {
            throw new TrackerException("work items go under a research question or another work item, not under "
                    + parent.kind().key() + " " + parent.code());
        }
        Map<Field, String> v = new LinkedHashMap<>();
        for (Map.Entry<Field, String> e : fields.entrySet()) {
            v.put(e.getKey(), e.getKey().normalize(e.getValue()));
        }
        v.put(Field.TITLE, Field.TITLE.normalize(title));
        long id = db.tx(() -> {
            String now = Db.now();
            int pos;
            try (PreparedStatement ps = db.conn.prepareStatement("SELECT COALESCE(MAX(position)+1, 0) FROM item WHERE parent_id=?")) {
                ps.setLong(1, parentId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    pos = rs.getInt(1);
                }
            }
            long nid = insert(parentId, "task:" + UUID.randomUUID(), Kind.TASK, "T?", v, now, now, pos);
            try (PreparedStatement ps = db.conn.prepareStatement("UPDATE item SET code=? WHERE id=?")) {
                ps.setString(1, "T" + nid);
                ps.setLong(2, nid);
                ps.executeUpdate();
            }
            recordChange(nid, now, "created", "", v.get(Field.TITLE));
            return nid;
        });
        return items.byId(id);
    }

    /** Sets one field; returns the change recorded in the item's history, or null if the value was the same. */
    @Nullable
    Change set(long id, Field field, String value) throws TrackerException {
        String nv = field.normalize(value);
        Item before = items.byId(id);
        String old = field.get(before);
        if (old.equals(nv)) {
            return null;
        }
        return db.tx(() -> {
            String now = Db.now();
            try (PreparedStatement ps = db.conn.prepareStatement(
                    "UPDATE item SET " + field.key() + "=?, modified=? WHERE id=?")) {
                if (field == Field.DUE && nv.isEmpty()) {
                    ps.setNull(1, java.sql.Types.VARCHAR);
                } else {
                    ps.setString(1, nv);
                }
                ps.setString(2, now);
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            long cid = recordChange(id, now, field.key(), old, nv);
            return new Change(cid, id, Instant.parse(now), db.user(), field.key(), old, nv);
        });
    }

    /** Writes one line of an item's history (inside the caller's transaction); returns its row id. */
    long recordChange(long id, String at, String field, String old, String nv) throws SQLException {
        return db.insert("INSERT INTO history(item_id, at, who, field, old_value, new_value) VALUES(?,?,?,?,?,?)", id, at, db.user(), field,
                old, nv);
    }

    /** Deletes a work item with its sub-items, notes, evidence and history. Framework items cannot be deleted. */
    void delete(long id) throws TrackerException {
        Item i = items.byId(id);
        if (i.kind() != Kind.TASK) {
            throw new TrackerException(i.code() + " belongs to the framework and cannot be deleted; set it to done");
        }
        db.tx(() -> {
            db.byId("DELETE FROM item WHERE id=?", id);
            return null;
        });
    }
}
