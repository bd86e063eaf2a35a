package org.pacarbon.tracker.core;

import java.time.Instant;
import java.util.Locale;

/**
 * Something that backs an item: an assessment run (its provenance.json), a result table, a map document with
 * an extent, any file, or a URL.
 *
 * @param target a path or URL
 * @param extent for maps: "minx,miny,maxx,maxy" in the map's CRS, or ""
 */
public record Evidence(long id, long itemId, Type type, String target, String label, String extent, Instant added) {

    /** What kind of thing the evidence is; decides how "open evidence" opens it. */
    public enum Type {
        RUN("run"), TABLE("table"), MAP("map"), FILE("file"), URL("url");

        private final String key;

        Type(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Type parse(String s) throws TrackerException {
            for (Type t : values()) {
                if (t.key.equalsIgnoreCase(s.trim())) {
                    return t;
                }
            }
            throw new TrackerException("unknown evidence type '" + s + "' (run, table, map, file, url)");
        }

        /** Guesses the type from a path or URL: provenance.json is a run, .csv/.md a table, .pamap a map. */
        public static Type guess(String target) {
            String t = target.toLowerCase(Locale.ROOT);
            if (t.matches("^[a-z][a-z0-9+.-]*://.*")) {
                return URL;
            }
            if (t.endsWith("provenance.json")) {
                return RUN;
            }
            if (t.endsWith(".csv") || t.endsWith(".md") || t.endsWith(".html")) {
                return TABLE;
            }
            if (t.endsWith(".pamap")) {
                return MAP;
            }
            return FILE;
        }
    }
}
