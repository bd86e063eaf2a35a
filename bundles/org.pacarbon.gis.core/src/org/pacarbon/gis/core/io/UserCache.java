package org.pacarbon.gis.core.io;

import java.nio.file.Path;

/** The per-user cache folder of the product: {@code $XDG_CACHE_HOME/pacarbon}, by default {@code ~/.cache/pacarbon}. */
public final class UserCache {
    private UserCache() {
    }

    /** @return the folder (not created here) */
    public static Path root() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache")).resolve("pacarbon");
    }
}
