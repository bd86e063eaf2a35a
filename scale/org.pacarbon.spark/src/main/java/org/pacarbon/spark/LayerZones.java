package org.pacarbon.spark;

import java.io.Serializable;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.zonal.core.CellAreas;

/**
 * What every task of one layer needs, broadcast once per layer to each executor: how to open the raster (and the mask),
 * its grid (checked against what the executor opens), the zones in the raster's CRS, their classes and the cell areas.
 */
record LayerZones(String layer, List<TaskInput> inputs, TaskInput mask, GridSpec grid, Geometry region, List<Geometry> zones,
        int[] classOf, int classes, CellAreas.Model areas) implements Serializable {
}
