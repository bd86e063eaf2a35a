package org.pacarbon.gis.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SQLite's native library (inside the sqlite-jdbc jar) kept once per machine in the cache folder
 * ({@code ~/.cache/pacarbon/sqlite-jdbc-VERSION/OS/ARCH/}) instead of being extracted into the temporary folder by
 * every process: sqlite-jdbc otherwise writes a new copy (about 1 MB, left behind in {@code /tmp}) at each start,
 * about 0.2 s of every command's first GeoPackage read. Call {@link #prepare()} before the first SQLite connection;
 * it only sets sqlite-jdbc's own {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name} (unless they are set
 * already), so when anything goes wrong sqlite-jdbc simply extracts its library as before.
 */
public final class SqliteNative {
    private static final Logger LOG = Logger.getLogger(SqliteNative.class.getName());
    private static boolean done;

    private SqliteNative() {
    }

    /** Points sqlite-jdbc at the cached copy of its native library, writing it there the first time. */
    public static synchronized void prepare() {
        if (done) {
            return;
        }
        done = true;
        if (System.getProperty("org.sqlite.lib.path") != null || System.getProperty("org.sqlite.lib.name") != null) {
            return; // chosen by the user
        }
        try {
            String folder = org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS();
            String name = System.mapLibraryName("sqlitejdbc");
            String version = org.sqlite.SQLiteJDBCLoader.getVersion();
            String resource = "/org/sqlite/native/" + folder + "/" + name;
            Path dir = UserCache.root().resolve("sqlite-jdbc-" + version).resolve(folder);
            Path lib = dir.resolve(name);
            try (InputStream in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
                if (in == null) {
                    return; // no library for this platform in the jar: sqlite-jdbc decides
                }
                if (!Files.isRegularFile(lib)) {
                    Files.createDirectories(dir);
                    Path tmp = Files.createTempFile(dir, name, ".part");
                    try {
                        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                        Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE);
                    } finally {
                        Files.deleteIfExists(tmp);
                    }
                }
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "SQLite's native library not cached; sqlite-jdbc extracts it itself", e);
        }
    }
}
