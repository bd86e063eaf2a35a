package org.pacarbon.toolbox.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbenchPage;
import org.pacarbon.gis.core.raster.RasterFiles;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.map.core.Classification;
import org.pacarbon.map.core.MapLayer;
import org.pacarbon.map.core.MapService;
import org.pacarbon.toolbox.core.ToolResult;

/**
 * The toolbox's use of the open map: its rasters offered in raster fields, a tool's result raster put on it with the
 * style its quantity calls for.
 */
final class MapLayers {
    private MapLayers() {
    }

    static String ramp(String quantity) {
        return switch (quantity) {
            case "carbon" -> "carbon";
            case "npp" -> "npp";
            case "emissions" -> "emissions";
            default -> "viridis";
        };
    }

    /** The files of the raster layers on the open map; none when there is no map bundle ({@code map} null). */
    static List<String> rasterFiles(@Nullable MapService map) {
        List<String> out = new ArrayList<>();
        if (map != null) {
            for (MapLayer l : map.layers()) {
                RasterSource r = l.raster();
                if (r != null) {
                    out.add(r.file().toString());
                }
            }
        }
        return out;
    }

    static void add(IWorkbenchPage page, ToolResult.Raster r, Label message) {
        try {
            MapService map = MapService.of(page.getWorkbenchWindow().getService(MapService.class));
            if (map == null || page.findView("org.pacarbon.views.map") == null) {
                return; // no map bundle or no map open: the raster is in the results folder
            }
            double min;
            double max;
            if (r.quantity().equals("class") || r.quantity().equals("hotspot")) {
                min = r.quantity().equals("class") ? 1 : 0;
                max = r.quantity().equals("class") ? 4 : 1;
            } else {
                try (RasterSource src = RasterFiles.open(r.file())) {
                    double[] q = Classification.displayQuantiles(src, false);
                    min = q == null ? 0 : q[1];
                    max = q == null ? 1 : q[q.length - 2];
                }
                if (!(max > min)) {
                    max = min + 1;
                }
            }
            map.addRaster(r.file(), r.title(), ramp(r.quantity()), min, max, r.unit());
        } catch (Exception e) {
            message.setText("The result " + r.file() + " could not be put on the map: " + e.getMessage());
        }
    }
}
