package org.pacarbon.map.core;

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

    /** A contributed source: its id, name, the extensions it reads (lower case, no dot) and who contributed it. */
    public record Entry(String id, String name, List<String> extensions, int priority, String bundle, IConfigurationElement element) {
        /** Creates the source (its class from the contributing bundle). */
        public LayerSource create() throws GisException {
            if (element == null) {
                return id.equals("builtin.raster") ? new BuiltinSources.Rasters() : new BuiltinSources.Vectors(); //$NON-NLS-1$
            }
            try {
                return (LayerSource) element.createExecutableExtension("class"); //$NON-NLS-1$
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
                int priority;
                try {
                    priority = e.getAttribute("priority") == null ? 0 : Integer.parseInt(e.getAttribute("priority").strip()); //$NON-NLS-1$ //$NON-NLS-2$
                } catch (NumberFormatException ex) {
                    priority = 0;
                }
                out.add(new Entry(e.getAttribute("id"), e.getAttribute("name"), //$NON-NLS-1$ //$NON-NLS-2$
                        exts == null ? List.of() : Arrays.stream(exts.split("[,\\s]+")).map(x -> x.replaceFirst("^\\.", "").toLowerCase(Locale.ROOT)) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                                .filter(x -> !x.isEmpty()).toList(),
                        priority, e.getContributor().getName(), e));
            }
        }
        if (out.isEmpty()) { // outside OSGi: the built-in formats
            out.add(new Entry("builtin.raster", "Rasters", List.of("tif", "tiff", "nc"), 0, "org.pacarbon.map.core", null)); //$NON-NLS-1$
            out.add(new Entry("builtin.vector", "Vectors", List.of("gpkg", "geojson", "json", "shp"), 0, "org.pacarbon.map.core", null)); //$NON-NLS-1$
        }
        out.sort((a, b) -> Integer.compare(b.priority(), a.priority()));
        return out;
    }

    /** The source for a file by its extension, or null when no source reads it. */
    public static Entry forFile(Path file) {
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
    public static List<MapLayer> add(MapModel map, Path file, String variable) throws GisException {
        Entry e = forFile(file);
        if (e == null) {
            throw new GisException(file, "is not a format any layer source reads", "one of "
                    + all().stream().flatMap(x -> x.extensions().stream()).distinct().map(x -> "." + x).toList());
        }
        return e.create().add(map, file, variable);
    }
}
