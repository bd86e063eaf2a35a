package org.pacarbon.tracker.core;

import org.eclipse.jdt.annotation.Nullable;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A research tracker kept in one SQLite file: the one entry point to read and change it. Every change is one
 * transaction; the file is in WAL mode with full synchronization, so a change that returned is on disk even if the
 * program is killed the next moment. Opening a file checks its integrity, copies it to {@code FILE.bak} and runs
 * pending schema migrations ({@link TrackerFile}); a damaged file is never replaced silently: opening it throws
 * {@link TrackerException.Damaged}, and {@link #restoreFromBackup(Path)} sets it aside when the user asks. The work
 * itself is done by the store's parts: {@link Items} (reading), {@link ItemEdits} (frameworks, work items, fields and
 * their history) and {@link Attachments} (notes, evidence, history).
 *
 * <p>Two stores (two programs, or the workbench and the CLI) may have the same file open: writers wait for each
 * other (busy timeout), and {@link #dataVersion()} tells a view that another connection changed something.
 * A store itself is not for use from several threads at once.
 */
public final class TrackerStore implements AutoCloseable {
    private final Db db;
    private final Items items;
    private final ItemEdits edits;
    private final Attachments attachments;

    private TrackerStore(Db db) {
        this.db = db;
        this.items = new Items(db);
        this.edits = new ItemEdits(db, items);
        this.attachments = new Attachments(db, items, edits);
    }

    /** Opens (or creates) a tracker file; an empty tracker gets the paper's framework. */
    public static TrackerStore open(Path file) throws TrackerException {
        TrackerStore s = openUnseeded(file);
        try {
            if (s.frameworks().isEmpty()) {
                s.loadFramework(Framework.builtin());
            }
        } catch (TrackerException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** Opens (or creates) a tracker file without adding any framework. */
    public static TrackerStore openUnseeded(Path file) throws TrackerException {
        return new TrackerStore(TrackerFile.open(file));
    }

    /**
     * The tracker file when none is named: {@code -Dpacarbon.tracker}, else {@code $PACARBON_TRACKER}, else
     * research-tracker.sqlite in {@code workspace} (null: {@code ~/.pacarbon/workspace}). The workbench and
     * {@code ./pacarbon tracker} use the same rule.
     */
    public static Path defaultFile(@Nullable Path workspace) {
        for (String p : new String[] {System.getProperty("pacarbon.tracker"), System.getenv("PACARBON_TRACKER")}) {
            if (p != null && !p.isBlank()) {
                return Path.of(p);
            }
        }
        Path dir = workspace != null ? workspace : Path.of(System.getProperty("user.home"), ".pacarbon", "workspace");
        return dir.resolve("research-tracker.sqlite");
    }

    /** Where {@code file}'s backup lives: next to it, with {@code .bak} appended. */
    public static Path backupPath(Path file) {
        return TrackerFile.backupPath(file);
    }

    /**
     * Sets a damaged tracker file aside (renamed to {@code FILE.damaged-TIMESTAMP}, with its WAL) and puts a copy of
     * its backup in its place. Returns the path the damaged file was moved to.
     */
    public static Path restoreFromBackup(Path file) throws TrackerException {
        return TrackerFile.restoreFromBackup(file);
    }

    static void atomicMove(Path from, Path to) throws IOException {
        TrackerFile.atomicMove(from, to);
    }

    /** {@code PRAGMA integrity_check}: "ok" or the problems found. */
    public String integrityCheck() throws SQLException {
        return TrackerFile.integrityCheck(db.conn);
    }

    /** The schema version of the open file. */
    public int schemaVersion() throws TrackerException {
        return db.sql(() -> TrackerFile.pragmaInt(db.conn, "user_version"));
    }

    /** Changes whenever another connection commits to the file: a cheap way for a view to know it must reload. */
    public long dataVersion() throws TrackerException {
        return db.sql(() -> (long) TrackerFile.pragmaInt(db.conn, "data_version"));
    }

    public Path file() {
        return db.file;
    }

    /** The name written into history and notes ({@code user.name} unless set). */
    public void setUser(String user) {
        db.setUser(user);
    }

    public String user() {
        return db.user();
    }

    @Override
    public void close() {
        TrackerFile.close(db.conn);
    }

    /** Runs {@code w} as one transaction (BEGIN IMMEDIATE): all of it is committed, or none. */
    <T> T tx(Db.Work<T> w) throws TrackerException {
        return db.tx(w);
    }

    Connection connection() {
        return db.conn;
    }

    static String now() {
        return Db.now();
    }

    // ---------------------------------------------------------------- reading

    /** All items in tree order: each framework, then depth first, children by position. */
    public List<Item> items() throws TrackerException {
        return items.all();
    }

    /** The item with this row id. */
    public Item item(long id) throws TrackerException {
        return items.byId(id);
    }

    /** Finds an item by row id ("12" or "#12"), uid ("pa-carbon:Q7") or code ("Q7", "T12"). */
    public Item find(String ref) throws TrackerException {
        return items.find(ref);
    }

    /** Direct children of an item (0: the frameworks), by position. */
    public List<Item> children(long id) throws TrackerException {
        return items().stream().filter(i -> i.parentId() == id).toList();
    }

    /** The frameworks in this tracker. */
    public List<Item> frameworks() throws TrackerException {
        return children(0);
    }

    /** Items matching the query, in tree order. */
    public List<Item> query(Query q) throws TrackerException {
        return items.query(q);
    }

    /**
     * Progress of every item, 0..1: a leaf is 1 when done, else 0; an item with children is the mean of its
     * children (so a question's progress rolls up from its work items, an issue's from its questions).
     */
    public Map<Long, Double> progress() throws TrackerException {
        return progress(items());
    }

    /** Progress as {@link #progress()}, from an item list already read. */
    public static Map<Long, Double> progress(List<Item> items) {
        return Items.progress(items);
    }

    public List<Note> notes(long itemId) throws TrackerException {
        return attachments.notes(itemId);
    }

    public List<Evidence> evidence(long itemId) throws TrackerException {
        return attachments.evidence(itemId);
    }

    public List<Change> history(long itemId) throws TrackerException {
        return attachments.history(itemId);
    }

    // ---------------------------------------------------------------- writing

    /**
     * Adds the issues and questions of a framework that this tracker does not have yet (matched by
     * {@code framework-id:code}), and updates the titles and descriptions of those it has; status, owners and
     * work items stay as they are. Returns how many items were added.
     */
    public int loadFramework(Framework f) throws TrackerException {
        return edits.loadFramework(f);
    }

    long insert(long parent, String uid, Kind kind, String code, Map<Field, String> values, String created,
            String modified, int position) throws SQLException {
        return edits.insert(parent, uid, kind, code, values, created, modified, position);
    }

    /**
     * Adds a work item under a research question or another work item. {@code fields} may set any {@link Field}
     * (checked and normalized); its code is T and its row id.
     */
    public Item addTask(long parentId, String title, Map<Field, String> fields) throws TrackerException {
        return edits.addTask(parentId, title, fields);
    }

    /** Sets one field; returns the change recorded in the item's history, or null if the value was the same. */
    public @Nullable Change set(long id, Field field, String value) throws TrackerException {
        return edits.set(id, field, value);
    }

    /** Deletes a work item with its sub-items, notes, evidence and history. Framework items cannot be deleted. */
    public void delete(long id) throws TrackerException {
        edits.delete(id);
    }

    public Note addNote(long itemId, String text) throws TrackerException {
        return attachments.addNote(itemId, text);
    }

    long insertNote(long itemId, String at, String author, String text) throws SQLException {
        return attachments.insertNote(itemId, at, author, text);
    }

    public void deleteNote(long noteId) throws TrackerException {
        attachments.deleteNote(noteId);
    }

    /** Links evidence to an item; an empty label becomes the file or URL's last part. */
    public Evidence addEvidence(long itemId, Evidence.Type type, String target, String label, String extent)
            throws TrackerException {
        return attachments.addEvidence(itemId, type, target, label, extent);
    }

    long insertEvidence(long itemId, String type, String target, String label, String extent, String added)
            throws SQLException {
        return attachments.insertEvidence(itemId, type, target, label, extent, added);
    }

    public void removeEvidence(long evidenceId) throws TrackerException {
        attachments.removeEvidence(evidenceId);
    }
}
