package org.pacarbon.tracker.core;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The fields a user edits. Each has one text form (used by the CLI, CSV, history and undo), which
 * {@link #normalize} checks and puts in canonical form: dates ISO-8601, lists comma-separated without blanks.
 */
public enum Field {
    TITLE("title"), TITLE_ZH("title_zh"), DESCRIPTION("description"), STATUS("status"), PRIORITY("priority"),
    OWNER("owner"), DUE("due"), TAGS("tags"), PAS("pas");

    private final String key;

    Field(String key) {
        this.key = key;
    }

    /** Column name in the database, key in JSON and CSV, option name on the command line. */
    public String key() {
        return key;
    }

    public static Field parse(String s) throws TrackerException {
        for (Field f : values()) {
            if (f.key.equalsIgnoreCase(s.trim()) || f.name().equalsIgnoreCase(s.trim())) {
                return f;
            }
        }
        throw new TrackerException("unknown field '" + s + "'");
    }

    /** Checks a value typed by a user and returns its canonical text form. */
    public String normalize(String value) throws TrackerException {
        String v = value == null ? "" : value.strip();
        switch (this) {
            case TITLE:
                if (v.isEmpty()) {
                    throw new TrackerException("the title must not be empty");
                }
                return v;
            case STATUS:
                return Status.parse(v).key();
            case PRIORITY:
                return Priority.parse(v).key();
            case DUE:
                if (v.isEmpty()) {
                    return "";
                }
                try {
                    return LocalDate.parse(v).toString();
                } catch (DateTimeParseException e) {
                    throw new TrackerException("due date '" + v + "' is not a date like 2027-03-31");
                }
            case TAGS:
            case PAS:
                return String.join(",", list(v));
            default:
                return v;
        }
    }

    /** The text form of this field of an item. */
    public String get(Item item) {
        switch (this) {
            case TITLE:
                return item.title();
            case TITLE_ZH:
                return item.titleZh();
            case DESCRIPTION:
                return item.description();
            case STATUS:
                return item.status().key();
            case PRIORITY:
                return item.priority().key();
            case OWNER:
                return item.owner();
            case DUE:
                return item.dueText();
            case TAGS:
                return String.join(",", item.tags());
            case PAS:
                return String.join(",", item.pas());
            default:
                throw new AssertionError(this);
        }
    }

    /** Splits a comma (or Chinese comma, or semicolon) separated list, trimming and dropping blanks and repeats. */
    public static List<String> list(String s) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (s != null) {
            for (String p : s.split("[,;，；]")) {
                if (!p.isBlank()) {
                    out.add(p.strip());
                }
            }
        }
        return new ArrayList<>(out);
    }
}
