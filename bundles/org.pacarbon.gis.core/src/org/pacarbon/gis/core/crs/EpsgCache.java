package org.pacarbon.gis.core.crs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.sis.io.wkt.Convention;
import org.apache.sis.io.wkt.WKTFormat;
import org.apache.sis.referencing.CRS;
import org.apache.sis.util.ComparisonMode;
import org.apache.sis.util.Utilities;
import org.apache.sis.util.Version;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.util.FactoryException;
import org.eclipse.jdt.annotation.Nullable;

/**
 * EPSG codes resolved without starting the EPSG database when this machine resolved them once before. Apache SIS keeps
 * the EPSG dataset in a Derby database whose start and first queries take 3-5 s of a command's time; a CRS once built
 * from it is kept as WKT 2 (everything the database said: parameters, axes, units, the EPSG identifier) in a folder
 * of this machine's cache, and parsed from there afterwards without the database. The folder is per Apache SIS version
 * (its EPSG dataset); an entry is written only when the WKT reads back as the same CRS, through a temporary file and an
 * atomic rename; an entry that does not read back is ignored and written again.
 *
 * <p>The folder is {@code $XDG_CACHE_HOME/pacarbon/epsg-wkt-sis<version>} (default {@code ~/.cache}), or the system
 * property {@value #PROPERTY} ({@code none}: no cache).
 */
final class EpsgCache {
    /** System property: the folder of the cache, or {@code none}. */
    static final String PROPERTY = "pacarbon.epsgCache";
    private static final Pattern CODE = Pattern.compile("(?i)\\s*(?:EPSG\\s*:+\\s*|urn:ogc:def:crs:EPSG:[0-9.]*:)?(\\d{1,6})\\s*");
    private static final Logger LOG = Logger.getLogger("org.pacarbon.gis.core.crs");
    private static final Map<String, CoordinateReferenceSystem> MEMORY = new ConcurrentHashMap<>();

    private EpsgCache() {
    }

    /** @return the EPSG code in {@code text} ("EPSG:32650", "32650", "urn:ogc:def:crs:EPSG::32650"), or null */
    static @Nullable String code(String text) {
        Matcher m = CODE.matcher(text);
        return m.matches() ? m.group(1) : null;
    }

    /** The CRS of an EPSG code (as the database defines it, axes as EPSG orders them). */
    static CoordinateReferenceSystem forCode(String code) throws FactoryException {
        CoordinateReferenceSystem known = MEMORY.get(code);
        if (known != null) {
            return known;
        }
        Path dir = folder();
        Path file = dir == null ? null : dir.resolve("EPSG-" + code + ".wkt");
        CoordinateReferenceSystem crs = file == null ? null : read(file);
        if (crs == null) {
            crs = CRS.forCode("EPSG:" + code);
            if (file != null) {
                write(file, crs);
            }
        }
        MEMORY.put(code, crs);
        return crs;
    }

    /** The cached CRS in {@code file}, or null when there is none or it does not read (then it is written again). */
    static @Nullable CoordinateReferenceSystem read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            Object o = new WKTFormat().parseObject(Files.readString(file, StandardCharsets.UTF_8));
            return o instanceof CoordinateReferenceSystem c ? c : null;
        } catch (IOException | ParseException | RuntimeException e) {
            LOG.log(Level.FINE, file + ": not a usable cached CRS, asking the EPSG database", e);
            return null;
        }
    }

    /** Writes the WKT 2 of {@code crs} when it reads back as the same CRS; a cache that cannot be written is skipped. */
    static void write(Path file, CoordinateReferenceSystem crs) {
        try {
            WKTFormat f = new WKTFormat();
            f.setConvention(Convention.WKT2_2019);
            String wkt = f.format(crs);
            if (f.getWarnings() != null) {
                return; // something the WKT could not say
            }
            Object back = new WKTFormat().parseObject(wkt);
            if (!(back instanceof CoordinateReferenceSystem b) || !Utilities.deepEquals(crs, b, ComparisonMode.APPROXIMATE)) {
                return;
            }
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, wkt, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | ParseException | RuntimeException e) {
            LOG.log(Level.FINE, file + ": the CRS is not cached", e);
        }
    }

    /** @return the cache folder, or null when there is none */
    static @Nullable Path folder() {
        String p = System.getProperty(PROPERTY);
        if (p != null) {
            return p.isBlank() || p.equalsIgnoreCase("none") ? null : Path.of(p);
        }
        return org.pacarbon.gis.core.io.UserCache.root().resolve("epsg-wkt-sis" + Version.SIS);
    }
}
