package org.pacarbon.gis.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;

/**
 * SQLite's native library comes from the per-user cache (one copy per machine and sqlite-jdbc version, the same bytes as
 * the jar's), and SQLite works from it: on Linux the process maps that very file, not a copy in the temporary folder.
 */
class SqliteNativeTest {
    @Test
    void theLibraryIsCachedOnceAndUsed() throws Exception {
        SqliteNative.prepare();
        String dir = System.getProperty("org.sqlite.lib.path"), name = System.getProperty("org.sqlite.lib.name");
        assertNotNull(dir, "org.sqlite.lib.path not set");
        Path lib = Path.of(dir, name);
        assertTrue(lib.startsWith(UserCache.root()), lib.toString());
        String resource = "/org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
        try (InputStream in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            assertTrue(java.util.Arrays.equals(in.readAllBytes(), Files.readAllBytes(lib)), "the cached library differs from the jar's");
        }
        try (Connection c = org.sqlite.JDBC.createConnection("jdbc:sqlite::memory:", new java.util.Properties());
                ResultSet r = c.createStatement().executeQuery("select 6 * 7")) {
            assertTrue(r.next());
            assertEquals(42, r.getInt(1));
        }
        Path maps = Path.of("/proc/self/maps");
        if (Files.isReadable(maps)) {
            String mapped = Files.readString(maps);
            assertTrue(mapped.contains(lib.toString()), "SQLite's library was not loaded from " + lib);
        }
    }
}
