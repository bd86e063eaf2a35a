package org.pacarbon.tracker.core;

import java.util.Locale;

/** How urgent a tracker item is, as in uDig's Issues view. Stored and exported by {@link #key()}. */
public enum Priority {
    CRITICAL("critical"), HIGH("high"), NORMAL("normal"), LOW("low");

    private final String key;

    Priority(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Priority parse(String s) throws TrackerException {
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (Priority v : values()) {
            if (v.key.equals(k)) {
                return v;
            }
        }
        throw new TrackerException("unknown priority '" + s + "' (critical, high, normal, low)");
    }
}
