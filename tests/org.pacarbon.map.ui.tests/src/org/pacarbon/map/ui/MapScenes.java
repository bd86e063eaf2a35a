package org.pacarbon.map.ui;

import java.nio.file.Path;
import java.util.function.IntToDoubleFunction;

import org.pacarbon.gis.core.io.GeoTiffWriter;
import org.pacarbon.test.ui.Robot;

/** The set-up the map UI tests share: an empty map in the Map perspective, and small rasters of known values. */
final class MapScenes {
    private MapScenes() {
    }

    /** Opens the Map perspective and returns its map view with no layers. */
    static MapView emptyMap(Robot robot) {
        robot.perspective("org.pacarbon.app.perspective.map");
        MapView map = (MapView) robot.view(MapView.ID);
        map.clear();
        return map;
    }

    /**
     * Writes a 20 x 10 raster of 1 km cells in UTM 50N (x 500-520 km, y 4000-4010 km) whose column {@code c} holds
     * {@code value(c)} on every row.
     */
    static Path columns(Path tif, IntToDoubleFunction value) throws Exception {
        GeoTiffWriter.of(20, 10).crs(32650, false).upperLeft(500000, 4010000).cellSize(1000, 1000)
                .write(tif, (r, row) -> {
                    for (int c = 0; c < 20; c++) {
                        row[c] = (float) value.applyAsDouble(c);
                    }
                });
        return tif;
    }
}
