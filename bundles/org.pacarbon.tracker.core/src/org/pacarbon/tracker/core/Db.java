package org.pacarbon.tracker.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One open tracker file: its connection, the user written into history and notes, and its transactions; what the
 * store's parts ({@link Items}, {@link ItemEdits}, {@link Attachments}) share.
 */
final class Db {
    /** Work on the connection that may fail with SQL or tracker errors. */
    interface Work<T> {
        T run() throws SQLException, TrackerException;
    }

    final Path file;
    final Connection conn;
    private volatile String user = System.getProperty("user.name", "user");

    Db(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
    }

    String user() {
        return user;
    }

    void setUser(String u) {
        user = u == null || u.isBlank() ? "user" : u.strip();
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
            throw new TrackerException("tracker file " + file + ": " + TrackerFile.message(e), e);
        }
    }

    /** Runs {@code w} outside a transaction (reads); an SQL error names the file. */
    <T> T sql(Work<T> w) throws TrackerException {
        try {
            return w.run();
        } catch (SQLException e) {
            throw new TrackerException("tracker file " + file + ": " + TrackerFile.message(e), e);
        }
    }

    /** Runs a prepared insert and returns the row id it made. */
    static long insertedId(PreparedStatement ps) throws SQLException {
        ps.executeUpdate();
        try (ResultSet k = ps.getGeneratedKeys()) {
            k.next();
            return k.getLong(1);
        }
    }

    /** Runs an INSERT with its parameters in order (strings, numbers, null) and returns the row id it made. */
    long insert(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return insertedId(ps);
        }
    }

    /** Runs an update or delete of one row by id. */
    void byId(String sql, long id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * A time as the file stores it: UTC, always with three digits of milliseconds, so that the text order the
     * queries sort by is the time order. {@code Instant.toString()} leaves the fraction out at a whole second, and
     * "...:30Z" sorted after "...:30.120Z": evidence added at a whole second was listed after later evidence.
     */
    static String stamp(Instant t) {
        return STAMP.format(t);
    }

    static String now() {
        return stamp(Instant.now());
    }
}
