package org.pacarbon.tracker.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.sqlite.SQLiteConfig;

/**
 * A research tracker kept in one SQLite file. Every change is one transaction; the file is in WAL mode with full
 * synchronization, so a change that returned is on disk even if the program is killed the next moment. Opening a
 * file checks its integrity, copies it to {@code FILE.bak} (through a temporary file and an atomic rename) and
 * runs pending schema migrations. A damaged file is never replaced silently: opening it throws
 * {@link TrackerException.Damaged}, and {@link #restoreFromBackup(Path)} sets it aside when the user asks.
 *
 * <p>Two stores (two programs, or the workbench and the CLI) may have the same file open: writers wait for each
 * other (busy timeout), and {@link #dataVersion()} tells a view that another connection changed something.
 * A store itself is not for use from several threads at once.
 */
public final class TrackerStore implements AutoCloseable {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final Connection conn;
    private String user = System.getProperty("user.name", "user");

    private TrackerStore(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
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
        Path f = file.toAbsolutePath().normalize();
        Path backup = backupPath(f);
        boolean existed;
        try {
            existed = Files.exists(f);
            if (existed && Files.size(f) == 0) {
                throw new TrackerException.Damaged(f, "the file is empty (0 bytes); it is kept as it is, not replaced by a new tracker",
                        existingBackup(backup));
            }
            if (existed) {
                checkHeader(f, backup);
            }
            if (f.getParent() != null) {
                Files.createDirectories(f.getParent());
            }
        } catch (IOException e) {
            throw new TrackerException("cannot open tracker file " + f + ": " + e.getMessage(), e);
        }
        Connection c;
        try {
            SQLiteConfig cfg = new SQLiteConfig();
            cfg.setBusyTimeout(15000);
            cfg.enforceForeignKeys(true);
            cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            Properties p = cfg.toProperties();
            c = org.sqlite.JDBC.createConnection("jdbc:sqlite:" + f, p);
        } catch (SQLException e) {
            throw new TrackerException("cannot open tracker file " + f + ": " + e.getMessage(), e);
        }
        TrackerStore s = new TrackerStore(f, c);
        try {
            if (existed) {
                String check;
                try {
                    check = s.integrityCheck();
                } catch (SQLException e) {
                    throw new TrackerException.Damaged(f, message(e), existingBackup(backup));
                }
                if (!check.equals("ok")) {
                    throw new TrackerException.Damaged(f, "integrity check failed (" + firstLine(check) + ")",
                            existingBackup(backup));
                }
                s.checkedSchemaVersion(); // a damaged version must not replace the last good backup
                s.backupTo(backup);
            }
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=FULL");
            }
            s.migrate();
        } catch (TrackerException e) {
            s.close();
            throw e;
        } catch (SQLException e) {
            s.close();
            if (existed && isCorruption(e)) {
                throw new TrackerException.Damaged(f, message(e), existingBackup(backup));
            }
            throw new TrackerException("cannot open tracker file " + f + ": " + message(e), e);
        }
        return s;
    }

    private static void checkHeader(Path f, Path backup) throws IOException, TrackerException {
        byte[] head = new byte[SQLITE_HEADER.length];
        int n;
        try (InputStream in = Files.newInputStream(f)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n < head.length || !Arrays.equals(head, SQLITE_HEADER)) {
            throw new TrackerException.Damaged(f, "it is not an SQLite database (wrong file header)",
                    existingBackup(backup));
        }
    }

    private static boolean isCorruption(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_CORRUPT") || m.contains("SQLITE_NOTADB") || m.contains("malformed")
                || m.contains("not a database");
    }

    private static String message(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.startsWith("[") && m.indexOf(']') > 0 ? m.substring(m.indexOf(']') + 1).strip() : m;
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i) + " ...";
    }

    private static Path existingBackup(Path backup) {
        return Files.isRegularFile(backup) ? backup : null;
    }

    /** Where {@code file}'s backup lives: next to it, with {@code .bak} appended. */
    public static Path backupPath(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    /**
     * Sets a damaged tracker file aside (renamed to {@code FILE.damaged-TIMESTAMP}, with its WAL) and puts a copy of
     * its backup in its place. Returns the path the damaged file was moved to.
     */
    public static Path restoreFromBackup(Path file) throws TrackerException {
        Path f = file.toAbsolutePath().normalize();
        Path backup = backupPath(f);
        if (!Files.isRegularFile(backup)) {
            throw new TrackerException("tracker file " + f + " has no backup (" + backup + ") to restore");
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path aside = f.resolveSibling(f.getFileName() + ".damaged-" + stamp);
        try {
            Path tmp = f.resolveSibling(f.getFileName() + ".restore.tmp");
            Files.copy(backup, tmp, StandardCopyOption.REPLACE_EXISTING);
            if (Files.exists(f)) {
                Files.move(f, aside);
            }
            for (String sfx : List.of("-wal", "-shm")) {
                Path side = f.resolveSibling(f.getFileName() + sfx);
                if (Files.exists(side)) {
                    Files.move(side, aside.resolveSibling(aside.getFileName() + sfx));
                }
            }
            atomicMove(tmp, f);
        } catch (IOException e) {
            throw new TrackerException("cannot restore tracker file " + f + " from " + backup + ": " + e, e);
        }
        return aside;
    }

    static void atomicMove(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void backupTo(Path backup) throws SQLException, TrackerException {
        Path tmp = backup.resolveSibling(backup.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            try (Statement st = conn.createStatement()) {
                st.execute("VACUUM INTO '" + tmp.toString().replace("'", "''") + "'");
            }
            atomicMove(tmp, backup);
        } catch (IOException e) {
            throw new TrackerException("cannot write the backup " + backup + " of tracker file " + file + ": " + e, e);
        }
    }

    /**
     * The file's schema version, checked: a negative one is damage (a flipped header byte; the fuzz long run found
     * -67108862, which crashed the migration), a larger one than this version knows is refused.
     */
    private int checkedSchemaVersion() throws SQLException, TrackerException {
        int v = pragmaInt("user_version");
        if (v < 0) {
            throw new TrackerException.Damaged(file, "its schema version is " + v + " (expected 0 to " + Schema.CURRENT + ")",
                    existingBackup(backupPath(file)));
        }
        if (v > Schema.CURRENT) {
            throw new TrackerException("tracker file " + file + " has schema version " + v
                    + ", newer than this PA-Carbon understands (" + Schema.CURRENT + "); use a newer version");
        }
        return v;
    }

    private void migrate() throws SQLException, TrackerException {
        int v = checkedSchemaVersion();
        for (int step = v; step < Schema.CURRENT; step++) {
            final int next = step + 1;
            final String sql = Schema.STEPS.get(step);
            tx(() -> {
                try (Statement st = conn.createStatement()) {
                    for (String s : Schema.statements(sql)) {
                        st.execute(s);
                    }
                    st.execute("PRAGMA user_version=" + next);
                }
                return null;
            });
        }
    }

    private int pragmaInt(String name) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** {@code PRAGMA integrity_check}: "ok" or the problems found. */
    public String integrityCheck() throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                sb.append(sb.length() > 0 ? "\n" : "").append(rs.getString(1));
            }
        }
        return sb.toString();
    }

    /** The schema version of the open file. */
    public int schemaVersion() throws TrackerException {
        return sql(() -> pragmaInt("user_version"));
    }

    /** Changes whenever another connection commits to the file: a cheap way for a view to know it must reload. */
    public long dataVersion() throws TrackerException {
        return sql(() -> (long) pragmaInt("data_version"));
    }

    public Path file() {
        return file;
    }

    /** The name written into history and notes ({@code user.name} unless set). */
    public void setUser(String user) {
        this.user = user == null || user.isBlank() ? "user" : user.strip();
    }

    public String user() {
        return user;
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            // closing: nothing the caller could do; the WAL is replayed on the next open
        }
    }

    // ---------------------------------------------------------------- transactions

    interface Work<T> {
        T run() throws SQLException, TrackerException;
    }

    /** Runs {@code w} as one transaction (BEGIN IMMEDIATE): all of it is committed, or none. */
    <T> T tx(Work<T> w) throws TrackerException {
        try {
            conn.setAutoCommit(false);
            try {
                T r = w.run();
                conn.commit();
                return r;
            } catch (SQLException | TrackerException | RuntimeException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new TrackerException("tracker file " + file + ": " + message(e), e);
        }
    }

    private <T> T sql(Work<T> w) throws TrackerException {
        try {
            return w.run();
        } catch (SQLException e) {
            throw new TrackerException("tracker file " + file + ": " + message(e), e);
        }
    }

    Connection connection() {
        return conn;
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    // ---------------------------------------------------------------- reading

    private static final String ITEM_COLUMNS = "id, uid, parent_id, kind, code, title, title_zh, description, status, "
            + "priority, owner, due, tags, pas, created, modified, position";

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
            throw new TrackerException.Damaged(file, "item " + id + " is damaged (" + (e instanceof TrackerException ? e.getMessage()
                    : e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT)
                    + ": " + e.getMessage()) + ")", existingBackup(backupPath(file)));
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
    public List<Item> items() throws TrackerException {
        List<Item> all = sql(() -> {
            List<Item> l = new ArrayList<>();
            try (Statement st = conn.createStatement();
                    ResultSet rs = st.executeQuery("SELECT " + ITEM_COLUMNS + " FROM item")) {
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

    /** The item with this row id. */
    public Item item(long id) throws TrackerException {
        Item i = sql(() -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM item WHERE id=?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? item(rs) : null;
                }
            }
        });
        if (i == null) {
            throw new TrackerException("tracker file " + file + " has no item #" + id);
        }
        return i;
    }

    /** Finds an item by row id ("12" or "#12"), uid ("pa-carbon:Q7") or code ("Q7", "T12"). */
    public Item find(String ref) throws TrackerException {
        String r = ref.strip();
        if (r.matches("#?\\d+")) {
            return item(Long.parseLong(r.replace("#", "")));
        }
        List<Item> hits = new ArrayList<>();
        for (Item i : items()) {
            if (i.uid().equals(r) || i.code().equalsIgnoreCase(r)) {
                hits.add(i);
            }
        }
        if (hits.isEmpty()) {
            throw new TrackerException("tracker file " + file + " has no item '" + r + "'");
        }
        if (hits.size() > 1) {
            throw new TrackerException("'" + r + "' names " + hits.size() + " items (" + String.join(", ",
                    hits.stream().map(Item::uid).toList()) + "); use one of these ids");
        }
        return hits.get(0);
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
        List<Item> all = items();
        if (q.isAll()) {
            return all;
        }
        Map<Long, StringBuilder> notes = new HashMap<>();
        if (!q.text().isEmpty()) {
            sql(() -> {
                try (Statement st = conn.createStatement();
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
    public Map<Long, Double> progress() throws TrackerException {
        return progress(items());
    }

    /** Progress as {@link #progress()}, from an item list already read. */
    public static Map<Long, Double> progress(List<Item> items) {
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

    public List<Note> notes(long itemId) throws TrackerException {
        return sql(() -> {
            List<Note> l = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT id, item_id, at, author, text FROM note WHERE item_id=? ORDER BY at, id")) {
                ps.setLong(1, itemId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        l.add(new Note(rs.getLong(1), rs.getLong(2), Instant.parse(rs.getString(3)), rs.getString(4),
                                rs.getString(5)));
                    }
                }
            }
            return l;
        });
    }

    public List<Evidence> evidence(long itemId) throws TrackerException {
        return sql(() -> {
            List<Evidence> l = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT id, item_id, type, target, label, extent, added FROM evidence WHERE item_id=? ORDER BY added, id")) {
                ps.setLong(1, itemId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        l.add(new Evidence(rs.getLong(1), rs.getLong(2), Evidence.Type.parse(rs.getString(3)),
                                rs.getString(4), rs.getString(5), rs.getString(6), Instant.parse(rs.getString(7))));
                    }
                }
            }
            return l;
        });
    }

    public List<Change> history(long itemId) throws TrackerException {
        return sql(() -> {
            List<Change> l = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT id, item_id, at, who, field, old_value, new_value "
                    + "FROM history WHERE item_id=? ORDER BY at, id")) {
                ps.setLong(1, itemId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        l.add(new Change(rs.getLong(1), rs.getLong(2), Instant.parse(rs.getString(3)), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
            }
            return l;
        });
    }

    // ---------------------------------------------------------------- writing

    /**
     * Adds the issues and questions of a framework that this tracker does not have yet (matched by
     * {@code framework-id:code}), and updates the titles and descriptions of those it has; status, owners and
     * work items stay as they are. Returns how many items were added.
     */
    public int loadFramework(Framework f) throws TrackerException {
        return tx(() -> {
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
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM item WHERE uid=?")) {
            ps.setString(1, uid);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long id = rs.getLong(1);
                    try (PreparedStatement up = conn.prepareStatement(
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
        String now = now();
        return insert(parent, uid, kind, code, Map.of(Field.TITLE, title, Field.TITLE_ZH, titleZh, Field.DESCRIPTION,
                description), now, now, position);
    }

    long insert(long parent, String uid, Kind kind, String code, Map<Field, String> values, String created,
            String modified, int position) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO item(uid, parent_id, kind, code, title, title_zh, "
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
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }

    /**
     * Adds a work item under a research question or another work item. {@code fields} may set any {@link Field}
     * (checked and normalized); its code is T and its row id.
     */
    public Item addTask(long parentId, String title, Map<Field, String> fields) throws TrackerException {
        Item parent = item(parentId);
        if (parent.kind() != Kind.QUESTION && parent.kind() != Kind.TASK) {
            throw new TrackerException("work items go under a research question or another work item, not under "
                    + parent.kind().key() + " " + parent.code());
        }
        Map<Field, String> v = new LinkedHashMap<>();
        for (Map.Entry<Field, String> e : fields.entrySet()) {
            v.put(e.getKey(), e.getKey().normalize(e.getValue()));
        }
        v.put(Field.TITLE, Field.TITLE.normalize(title));
        long id = tx(() -> {
            String now = now();
            int pos;
            try (PreparedStatement ps = conn.prepareStatement("SELECT COALESCE(MAX(position)+1, 0) FROM item WHERE parent_id=?")) {
                ps.setLong(1, parentId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    pos = rs.getInt(1);
                }
            }
            long nid = insert(parentId, "task:" + UUID.randomUUID(), Kind.TASK, "T?", v, now, now, pos);
            try (PreparedStatement ps = conn.prepareStatement("UPDATE item SET code=? WHERE id=?")) {
                ps.setString(1, "T" + nid);
                ps.setLong(2, nid);
                ps.executeUpdate();
            }
            recordChange(nid, now, "created", "", v.get(Field.TITLE));
            return nid;
        });
        return item(id);
    }

    /** Sets one field; returns the change recorded in the item's history, or null if the value was the same. */
    public Change set(long id, Field field, String value) throws TrackerException {
        String nv = field.normalize(value);
        Item before = item(id);
        String old = field.get(before);
        if (old.equals(nv)) {
            return null;
        }
        return tx(() -> {
            String now = now();
            try (PreparedStatement ps = conn.prepareStatement(
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
            return new Change(cid, id, Instant.parse(now), user, field.key(), old, nv);
        });
    }

    private long recordChange(long id, String at, String field, String old, String nv) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO history(item_id, at, who, field, old_value, new_value) VALUES(?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, id);
            ps.setString(2, at);
            ps.setString(3, user);
            ps.setString(4, field);
            ps.setString(5, old);
            ps.setString(6, nv);
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }

    /** Deletes a work item with its sub-items, notes, evidence and history. Framework items cannot be deleted. */
    public void delete(long id) throws TrackerException {
        Item i = item(id);
        if (i.kind() != Kind.TASK) {
            throw new TrackerException(i.code() + " belongs to the framework and cannot be deleted; set it to done");
        }
        tx(() -> {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM item WHERE id=?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Note addNote(long itemId, String text) throws TrackerException {
        if (text == null || text.isBlank()) {
            throw new TrackerException("a note must not be empty");
        }
        item(itemId);
        return tx(() -> {
            String now = now();
            long nid = insertNote(itemId, now, user, text.strip());
            touch(itemId, now);
            return new Note(nid, itemId, Instant.parse(now), user, text.strip());
        });
    }

    long insertNote(long itemId, String at, String author, String text) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO note(item_id, at, author, text) VALUES(?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, itemId);
            ps.setString(2, at);
            ps.setString(3, author);
            ps.setString(4, text);
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }

    public void deleteNote(long noteId) throws TrackerException {
        tx(() -> {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM note WHERE id=?")) {
                ps.setLong(1, noteId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Links evidence to an item; an empty label becomes the file or URL's last part. */
    public Evidence addEvidence(long itemId, Evidence.Type type, String target, String label, String extent)
            throws TrackerException {
        if (target == null || target.isBlank()) {
            throw new TrackerException("evidence needs a file or URL");
        }
        item(itemId);
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
        return tx(() -> {
            String now = now();
            long eid = insertEvidence(itemId, type.key(), t, l, x, now);
            touch(itemId, now);
            recordChange(itemId, now, "evidence", "", t);
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

    long insertEvidence(long itemId, String type, String target, String label, String extent, String added)
            throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO evidence(item_id, type, target, label, extent, added) VALUES(?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, itemId);
            ps.setString(2, type);
            ps.setString(3, target);
            ps.setString(4, label);
            ps.setString(5, extent);
            ps.setString(6, added);
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }

    public void removeEvidence(long evidenceId) throws TrackerException {
        tx(() -> {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM evidence WHERE id=?")) {
                ps.setLong(1, evidenceId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private void touch(long itemId, String now) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE item SET modified=? WHERE id=?")) {
            ps.setString(1, now);
            ps.setLong(2, itemId);
            ps.executeUpdate();
        }
    }
}
