package org.pacarbon.map.core;

import org.eclipse.jdt.annotation.Nullable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.pacarbon.gis.core.GisException;

/**
 * The layer sources contributed through {@code org.pacarbon.map.core.sources}, looked up by file extension: what
 * the catalog, drops and File &gt; Add Data use to turn a file into layers. A contributed source comes before the
 * built-in ones for the same extension (priority), so a plug-in can take over a format; outside OSGi (tests, the
 * plain class path) only the built-in sources exist.
 */
public final class LayerSources {
    /** Id of the extension point. */
    public static final String EXTENSION_POINT = "org.pacarbon.map.core.sources"; //$NON-NLS-1$

    /**
     * A contributed source: its id, name, the extensions it reads (lower case, no dot), the URI schemes it serves
     * (lower case, no colon) and who contributed it.
     */
    public record Entry(String id, String name, List<String> extensions, List<String> schemes, int priority, String bundle,
            @Nullable IConfigurationElement element) {
        /** Creates the source (its class from the contributing bundle). */
        public LayerSource create() throws GisException {
            IConfigurationElement contributed = element;
            if (contributed == null) {
                return switch (id) {
                    case "builtin.raster" -> new BuiltinSources.Rasters(); //$NON-NLS-1$
                    case "builtin.basemap" -> new BuiltinSources.Basemaps(); //$NON-NLS-1$
                    case "builtin.tiles" -> new BuiltinSources.Tiles(); //$NON-NLS-1$
                    default -> new BuiltinSources.Vectors();
                };
            }
            try {
                return (LayerSource) contributed.createExecutableExtension("class"); //$NON-NLS-1$
            } catch (CoreException | ClassCastException e) {
                throw new GisException(null, "the layer source " + id + " of " + bundle + " cannot be created: " + e.getMessage(),
                        "a class implementing org.pacarbon.map.core.LayerSource", e);
            }
        }
    }

    private LayerSources() {
    }

    /** Every source, highest priority first, then in registry order. */
    public static List<Entry> all() {
        List<Entry> out = new ArrayList<>();
        IExtensionRegistry reg = RegistryFactory.getRegistry();
        if (reg != null) {
            for (IConfigurationElement e : reg.getConfigurationElementsFor(EXTENSION_POINT)) {
                String exts = e.getAttribute("extensions"); //$NON-NLS-1$
                String schemes = e.getAttribute("schemes"); //$NON-NLS-1$
                int priority;
                try {
                    priority = e.getAttribute("priority") == null ? 0 : Integer.parseInt(e.getAttribute("priority").strip()); //$NON-NLS-1$ //$NON-NLS-2$
                } catch (NumberFormatException ex) {
                    priority = 0;
                }
                out.add(new Entry(e.getAttribute("id"), e.getAttribute("name"), words(exts, "^\\."), words(schemes, ":$"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
                        priority, e.getContributor().getName(), e));
            }
        }
        if (out.isEmpty()) { // outside OSGi: the built-in formats
            out.add(new Entry("builtin.raster", "Rasters", List.of("tif", "tiff", "nc"), List.of(), 0, "org.pacarbon.map.core", null)); //$NON-NLS-1$
            out.add(new Entry("builtin.vector", "Vectors", List.of("gpkg", "geojson", "json", "shp"), List.of(), 0, "org.pacarbon.map.core", null)); //$NON-NLS-1$
            out.add(new Entry("builtin.basemap", "Basemap", List.of(), List.of("basemap"), 0, "org.pacarbon.map.core", null)); //$NON-NLS-1$
            out.add(new Entry("builtin.tiles", "Tiles", List.of(), List.of("xyz"), 0, "org.pacarbon.map.core", null)); //$NON-NLS-1$
        }
        out.sort((a, b) -> Integer.compare(b.priority(), a.priority()));
        return out;
    }

    private static List<String> words(String list, String strip) {
        return list == null ? List.of() : Arrays.stream(list.split("[,\\s]+")).map(x -> x.replaceFirst(strip, "").toLowerCase(Locale.ROOT)) //$NON-NLS-1$ //$NON-NLS-2$
                .filter(x -> !x.isEmpty()).toList();
    }

    /** The source of a service URI by its scheme ({@code basemap:countries}, {@code xyz:https://...}), or null. */
    public static @Nullable Entry forUri(String uri) {
        int colon = uri == null ? -1 : uri.indexOf(':');
        String scheme = colon < 0 ? "" : uri.substring(0, colon).toLowerCase(Locale.ROOT); //$NON-NLS-1$
        for (Entry e : all()) {
            if (e.schemes().contains(scheme)) {
                return e;
            }
        }
        return null;
    }

    /** Adds the layers of a service URI through its source; a message naming the URI when no source serves it. */
    public static List<MapLayer> add(MapModel map, String uri) throws GisException {
        Entry e = forUri(uri);
        if (e == null) {
            throw new GisException(null, "no layer source serves '" + uri + "'", "a URI of one of the schemes "
                    + all().stream().flatMap(x -> x.schemes().stream()).distinct().map(x -> x + ":").toList());
        }
        return e.create().add(map, uri);
    }

    /** The ready-made layers of every service source (the basemap's parts, known tile services), in source order. */
    public static List<LayerSource.Offer> offers() {
        List<LayerSource.Offer> out = new ArrayList<>();
        for (Entry e : all()) {
            if (!e.schemes().isEmpty()) {
                try {
                    out.addAll(e.create().offers());
                } catch (GisException ex) {
                    // a broken contribution offers nothing; adding from it names the problem
                }
            }
        }
        return out;
    }

    /** The source for a file by its extension, or null when no source reads it. */
    public static @Nullable Entry forFile(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot + 1); //$NON-NLS-1$
        for (Entry e : all()) {
            if (e.extensions().contains(ext)) {
                return e;
            }
        }
        return null;
    }

    /** Adds a file to the map through its source; a message naming the file when no source reads it. */
    public static List<MapLayer> add(MapModel map, Path file, @Nullable String variable) throws GisException {
        Entry e = forFile(file);
        if (e == null) {
            throw new GisException(file, "is not a format any layer source reads", "one of "
                    + all().stream().flatMap(x -> x.extensions().stream()).distinct().map(x -> "." + x).toList());
        }
        return e.create().add(map, file, variable);
    }
}
