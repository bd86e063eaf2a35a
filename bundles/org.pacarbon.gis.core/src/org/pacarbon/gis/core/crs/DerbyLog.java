package org.pacarbon.gis.core.crs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pacarbon.gis.core.io.UserCache;

/**
 * Apache SIS keeps the EPSG dataset in a Derby database, and Derby writes its {@code derby.log} into the working folder
 * of the process unless told otherwise: every command and workbench start left one in whatever folder the user started
 * it from. The log goes to the product's cache folder instead ({@code $XDG_CACHE_HOME/pacarbon/derby.log}), where it
 * still helps when the EPSG database does not open. A {@code derby.stream.error.*} property given by the user wins.
 */
public final class DerbyLog {
    private static final String FILE_PROPERTY = "derby.stream.error.file";

    private DerbyLog() {
    }

    /** Points Derby's log into the cache folder, before Derby starts (later calls change nothing Derby has read). */
    public static synchronized void intoUserCache() {
        try {
            if (System.getProperty(FILE_PROPERTY) != null || System.getProperty("derby.stream.error.field") != null
                    || System.getProperty("derby.stream.error.method") != null) {
                return;
            }
            Path dir = UserCache.root();
            Files.createDirectories(dir);
            System.setProperty(FILE_PROPERTY, dir.resolve("derby.log").toAbsolutePath().toString());
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // no cache folder: Derby keeps its default, a derby.log in the working folder
        }
    }
}
