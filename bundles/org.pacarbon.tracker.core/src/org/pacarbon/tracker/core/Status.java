package org.pacarbon.tracker.core;

import java.util.Locale;

/** Where a tracker item stands. Stored and exported by {@link #key()}. */
public enum Status {
    OPEN("open"), IN_PROGRESS("in_progress"), BLOCKED("blocked"), DONE("done");

    private final String key;

    Status(String key) {
        this.key = key;
    }

    /** The stable name used in the database, JSON, CSV and on the command line. */
    public String key() {
        return key;
    }

    /** Parses a key, accepting {@code in-progress}, {@code "in progress"} and any case. */
    public static Status parse(String s) throws TrackerException {
        String k = s.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Status v : values()) {
            if (v.key.equals(k)) {
                return v;
            }
        }
        throw new TrackerException("unknown status '" + s + "' (open, in_progress, blocked, done)");
    }
}
