package org.pacarbon.tracker.core;

import org.eclipse.jdt.annotation.Nullable;
import java.nio.file.Path;

/** A tracker operation that could not be done; the message names the file and the problem. */
public class TrackerException extends Exception {
    private static final long serialVersionUID = 1L;

    public TrackerException(String message) {
        super(message);
    }

    public TrackerException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The tracker file is not a readable SQLite database or fails its integrity check. The file is left as it
     * is: {@link TrackerStore#restoreFromBackup(Path)} sets it aside and puts the backup in its place, only when
     * the user asks.
     */
    public static final class Damaged extends TrackerException {
        private static final long serialVersionUID = 1L;
        private final transient Path file;
        private final transient @Nullable Path backup;

        public Damaged(Path file, String problem, @Nullable Path backup) {
            super("tracker file " + file + " is damaged: " + problem
                    + (backup != null ? "; a backup from the last good open is at " + backup
                            + " (restore it with: ./pacarbon tracker restore --file " + file + ")"
                            : "; there is no backup to restore"));
            this.file = file;
            this.backup = backup;
        }

        public Path file() {
            return file;
        }

        /** The backup that could replace the damaged file, or null if there is none. */
        public @Nullable Path backup() {
            return backup;
        }
    }
}
