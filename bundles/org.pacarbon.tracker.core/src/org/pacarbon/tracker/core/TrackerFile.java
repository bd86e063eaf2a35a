package org.pacarbon.tracker.core;

import org.eclipse.jdt.annotation.Nullable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.sqlite.SQLiteConfig;

/**
 * The SQLite file under a tracker: opened with its checks (header, integrity, schema version), copied to its backup
 * ({@code FILE.bak}, through a temporary file and an atomic rename), put in WAL mode with full synchronization and
 * migrated to the current schema; set aside and restored from the backup when the user asks. A damaged file is never
 * replaced silently: opening it throws {@link TrackerException.Damaged}.
 */
final class TrackerFile {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private TrackerFile() {
    }

    /** Opens (or creates) the file with every check; the connection of the returned store is ready for use. */
    static Db open(Path file) throws TrackerException {
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
        org.pacarbon.gis.core.io.SqliteNative.prepare();
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
        Db db = new Db(f, c);
        try {
            if (existed) {
                String check;
                try {
                    check = integrityCheck(c);
                } catch (SQLException e) {
                    throw new TrackerException.Damaged(f, message(e), existingBackup(backup));
                }
                if (!check.equals("ok")) {
                    throw new TrackerException.Damaged(f, "integrity check failed (" + firstLine(check) + ")",
                            existingBackup(backup));
                }
                checkedSchemaVersion(db); // a damaged version must not replace the last good backup
                backupTo(db, backup);
            }
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=FULL");
            }
            migrate(db);
            wholeSecondStamps(db);
        } catch (TrackerException e) {
            close(c);
            throw e;
        } catch (SQLException e) {
            close(c);
            if (existed && isCorruption(e)) {
                throw new TrackerException.Damaged(f, message(e), existingBackup(backup));
            }
            throw new TrackerException("cannot open tracker file " + f + ": " + message(e), e);
        }
        return db;
    }

    static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // closing: nothing the caller could do; the WAL is replayed on the next open
        }
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

    /** The driver's message without its "[SQLITE_...]" prefix. */
    static String message(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.startsWith("[") && m.indexOf(']') > 0 ? m.substring(m.indexOf(']') + 1).strip() : m;
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i) + " ...";
    }

    /** The backup when there is one (named in messages about damage), else null. */
    static @Nullable Path existingBackup(Path backup) {
        return Files.isRegularFile(backup) ? backup : null;
    }

    /** Where {@code file}'s backup lives: next to it, with {@code .bak} appended. */
    static Path backupPath(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    /**
     * Sets a damaged tracker file aside (renamed to {@code FILE.damaged-TIMESTAMP}, with its WAL) and puts a copy of
     * its backup in its place. Returns the path the damaged file was moved to.
     */
    static Path restoreFromBackup(Path file) throws TrackerException {
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

    private static void backupTo(Db db, Path backup) throws SQLException, TrackerException {
        Path tmp = backup.resolveSibling(backup.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            try (Statement st = db.conn.createStatement()) {
                st.execute("VACUUM INTO '" + tmp.toString().replace("'", "''") + "'");
            }
            atomicMove(tmp, backup);
        } catch (IOException e) {
            throw new TrackerException("cannot write the backup " + backup + " of tracker file " + db.file + ": " + e, e);
        }
    }

    /**
     * The file's schema version, checked: a negative one is damage (a flipped header byte; the fuzz long run found
     * -67108862, which crashed the migration), a larger one than this version knows is refused.
     */
    private static int checkedSchemaVersion(Db db) throws SQLException, TrackerException {
        int v = pragmaInt(db.conn, "user_version");
        if (v < 0) {
            throw new TrackerException.Damaged(db.file, "its schema version is " + v + " (expected 0 to " + Schema.CURRENT + ")",
                    existingBackup(backupPath(db.file)));
        }
        if (v > Schema.CURRENT) {
            throw new TrackerException("tracker file " + db.file + " has schema version " + v
                    + ", newer than this PA-Carbon understands (" + Schema.CURRENT + "); use a newer version");
        }
        return v;
    }

    private static void migrate(Db db) throws SQLException, TrackerException {
        int v = checkedSchemaVersion(db);
        for (int step = v; step < Schema.CURRENT; step++) {
            final int next = step + 1;
            final String sql = Schema.STEPS.get(step);
            db.tx(() -> {
                try (Statement st = db.conn.createStatement()) {
                    for (String s : Schema.statements(sql)) {
                        st.execute(s);
                    }
                    st.execute("PRAGMA user_version=" + next);
                }
                return null;
            });
        }
    }

    /**
     * Times that earlier versions stored at a whole second without a fraction ("...:30Z") are given one
     * ("...:30.000Z"), so that they sort by time among the others (see {@link Db#stamp}). Only such rows are touched.
     */
    private static void wholeSecondStamps(Db db) throws SQLException, TrackerException {
        List<String> updates = new ArrayList<>();
        try (Statement st = db.conn.createStatement()) {
            for (String[] tc : Schema.TIME_COLUMNS) {
                String c = tc[1];
                String where = " WHERE length(" + c + ")=20 AND substr(" + c + ",20,1)='Z' AND substr(" + c + ",11,1)='T'";
                try (ResultSet rs = st.executeQuery("SELECT EXISTS(SELECT 1 FROM " + tc[0] + where + ")")) {
                    if (rs.next() && rs.getInt(1) == 1) {
                        updates.add("UPDATE " + tc[0] + " SET " + c + "=substr(" + c + ",1,19)||'.000Z'" + where);
                    }
                }
            }
        }
        if (updates.isEmpty()) {
            return; // the usual case: no write, so other connections see no change
        }
        db.tx(() -> {
            try (Statement st = db.conn.createStatement()) {
                for (String u : updates) {
                    st.executeUpdate(u);
                }
            }
            return null;
        });
    }

    static int pragmaInt(Connection conn, String name) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** {@code PRAGMA integrity_check}: "ok" or the problems found. */
    static String integrityCheck(Connection conn) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                sb.append(sb.length() > 0 ? "\n" : "").append(rs.getString(1));
            }
        }
        return sb.toString();
    }
}
