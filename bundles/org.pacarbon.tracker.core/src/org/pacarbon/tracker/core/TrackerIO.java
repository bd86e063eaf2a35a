package org.pacarbon.tracker.core;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Export and import of a tracker: JSON (everything, lossless: export, import into an empty tracker and export
 * again gives the same bytes), CSV (one row per item, for spreadsheets; import adds or updates work items) and
 * Markdown (a report). Files are written to a temporary file and renamed into place. The formats are
 * {@link TrackerJson}, {@link TrackerCsv} and {@link TrackerMarkdown}; this class is their one entry point.
 */
public final class TrackerIO {
    /** Format name in the JSON export. */
    public static final String FORMAT = "pacarbon-tracker";

    private TrackerIO() {
    }

    static final List<String> CSV_COLUMNS = TrackerCsv.CSV_COLUMNS;

    /** The whole tracker as a JSON tree. */
    public static ObjectNode toJson(TrackerStore store) throws TrackerException {
        return TrackerJson.toJson(store);
    }

    public static void exportJson(TrackerStore store, Path out) throws TrackerException {
        TrackerJson.exportJson(store, out);
    }

    /**
     * Imports a JSON export. Items are matched by uid: new ones are added; for ones the tracker has, the fields
     * are taken from the file when the tracker's copy was never edited or the file's copy was modified at the same
     * time or later; notes, evidence and
     * history entries the tracker lacks are added. Nothing in the tracker is deleted. All or nothing: one
     * transaction. Returns the number of items added.
     */
    public static int importJson(TrackerStore store, Path in) throws TrackerException {
        return TrackerJson.importJson(store, in);
    }

    /** One row per item, UTF-8 with a byte order mark so spreadsheet programs read Chinese titles right. */
    public static void exportCsv(TrackerStore store, Path out) throws TrackerException {
        TrackerCsv.exportCsv(store, out);
    }

    /** Parses RFC 4180 CSV (the project's one reader, {@link org.pacarbon.gis.core.io.Csv}). */
    public static List<List<String>> parseCsv(String text) {
        return TrackerCsv.parseCsv(text);
    }

    /**
     * Imports work items from CSV with a header row: {@code title} and {@code parent} (code or uid of a question or
     * work item) are required for new items; a row whose {@code code} names an existing work item updates it.
     * Other columns: any {@link Field} key; an empty cell leaves the field as it is (or at its default). Unknown
     * columns are ignored (so an export reads back). Framework rows
     * (kind framework/issue/question) are skipped. All or nothing. Returns {added, updated}.
     */
    public static int[] importCsv(TrackerStore store, Path in) throws TrackerException {
        return TrackerCsv.importCsv(store, in);
    }

    /** A report: per framework and key issue, a table of questions and their work items. */
    public static String markdown(TrackerStore store, Locale locale) throws TrackerException {
        return TrackerMarkdown.markdown(store, locale);
    }

    public static void exportMarkdown(TrackerStore store, Path out, Locale locale) throws TrackerException {
        TrackerMarkdown.exportMarkdown(store, out, locale);
    }

    /** Writes by a temporary file and an atomic rename, so a crash never leaves half a file. */
    static void write(Path out, String text, boolean bom) throws TrackerException {
        Path abs = out.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                if (bom) {
                    w.write('\uFEFF');
                }
                w.write(text);
            }
            TrackerStore.atomicMove(tmp, abs);
        } catch (IOException e) {
            throw new TrackerException("cannot write " + abs + ": " + e.getMessage(), e);
        }
    }
}
