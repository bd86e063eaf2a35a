package org.pacarbon.map.core;

import org.eclipse.jdt.annotation.Nullable;
import java.nio.file.Path;
import java.util.List;

import org.locationtech.jts.geom.Envelope;
import org.pacarbon.gis.core.GisException;

/**
 * What other bundles may ask of the workbench's map without depending on the map's UI bundle: a workbench service
 * ({@code PlatformUI.getWorkbench().getService(MapService.class)}) that {@code org.pacarbon.map.ui} contributes;
 * null when that bundle is not installed. Call it on the UI thread.
 */
public interface MapService {
    /**
     * The map service a workbench service locator returned: {@code MapService.of(site.getService(MapService.class))}.
     * The locator's generic signature claims a value; this says it may be null (no map bundle installed).
     */
    static @Nullable MapService of(@Nullable Object service) {
        return service instanceof MapService m ? m : null;
    }

    /** The layers of the open map, bottom first; empty when no map is open. */
    List<MapLayer> layers();

    /** Adds a raster to the open map (nothing when no map is open: returns null). */
    @Nullable MapLayer addRaster(Path file, String name, String ramp, double min, double max, String unit) throws GisException;

    /** The extent the open map shows, or null. */
    @Nullable Envelope extent();

    /** Shows an extent of the open map's CRS; nothing when no map is open. */
    void setExtent(Envelope extent);

    /** Opens the map (showing its view) on a map document, at {@code at} or the document's extent when null. */
    void openDocument(Path pamap, @Nullable Envelope at) throws GisException;
}
