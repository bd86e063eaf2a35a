package org.pacarbon.map.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/** The map documents opened or saved last, newest first, kept in the workspace's preferences (File &gt; Recent Maps). */
final class RecentMaps {
    static final int MAX = 8;
    private static final String KEY = "recentMaps"; //$NON-NLS-1$

    private RecentMaps() {
    }

    /** The recent maps that still exist, newest first. */
    static List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (String s : prefs().get(KEY, "").split("\n")) { //$NON-NLS-1$ //$NON-NLS-2$
            if (!s.isBlank() && java.nio.file.Files.isRegularFile(Path.of(s))) {
                out.add(Path.of(s));
            }
        }
        return out;
    }

    /**
     * Puts a map document first (quietly: the list is a convenience). The map kept between sessions never comes here:
     * it is saved and reopened through the model, not through the File menu's paths.
     */
    static void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<String> all = new ArrayList<>();
        all.add(abs.toString());
        for (Path p : list()) {
            if (!p.toAbsolutePath().normalize().equals(abs) && all.size() < MAX) {
                all.add(p.toString());
            }
        }
        IEclipsePreferences prefs = prefs();
        prefs.put(KEY, String.join("\n", all)); //$NON-NLS-1$
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // kept for this session only
        }
    }

    private static IEclipsePreferences prefs() {
        return InstanceScope.INSTANCE.getNode("org.pacarbon.map.ui"); //$NON-NLS-1$
    }
}
