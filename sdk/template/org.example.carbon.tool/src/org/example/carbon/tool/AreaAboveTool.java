package org.example.carbon.tool;

import java.util.List;

import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.gis.core.raster.RasterFiles;
import org.pacarbon.toolbox.core.Param;
import org.pacarbon.toolbox.core.Progress;
import org.pacarbon.toolbox.core.Tool;
import org.pacarbon.toolbox.core.ToolException;
import org.pacarbon.toolbox.core.ToolResult;
import org.pacarbon.toolbox.core.ToolValues;
import org.pacarbon.zonal.core.CellAreas;

/**
 * Step 3 of README.md: the tool itself. Measures the area of a raster's cells at or above a value. Areas come from
 * the engine's {@link CellAreas} (true ellipsoidal areas on any CRS), never from counting cells: on a lon/lat grid a
 * cell at 50 degrees north has 64 % of the area of one at the equator.
 */
public final class AreaAboveTool implements Tool {
    @Override
    public String help() {
        return "Measures the area (km2, true ellipsoidal cell areas on any CRS) of the valid cells of a raster whose value is"
                + " at or above a threshold, and their share of the valid area.";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.of("raster", "Raster", Param.Type.RASTER, "any GeoTIFF or NetCDF raster"),
                Param.of("value", "Threshold", Param.Type.NUMBER, "cells at or above this value count").withDefault("0"));
    }

    @Override
    public ToolResult run(ToolValues v, Progress progress) throws ToolException {
        try (RasterSource r = RasterFiles.open(v.path("raster"))) {
            int w = r.grid().width();
            int h = r.grid().height();
            // the area of every cell, in m2: per row on lon/lat grids, per cell on projections that are not equal-area
            CellAreas.Model areas = CellAreas.of(r.grid(), r.crs());
            float[] row = new float[w];
            long validCells = 0;
            long aboveCells = 0;
            double validM2 = 0;
            double aboveM2 = 0;
            double threshold = v.number("value");
            progress.begin("Measuring", h);
            for (int y = 0; y < h; y++) {
                progress.checkCancelled(); // lets the user cancel
                r.readRows(y, 1, row);
                for (int x = 0; x < w; x++) {
                    if (!Float.isNaN(row[x])) {
                        double a = areas.area(y, x);
                        validCells++;
                        validM2 += a;
                        if (row[x] >= threshold) {
                            aboveCells++;
                            aboveM2 += a;
                        }
                    }
                }
                progress.worked(1);
            }
            return new ToolResult().add(new ToolResult.Table("Area at or above " + threshold, List.of(
                    new ToolResult.Column("valid area", "km2"), new ToolResult.Column("area at or above", "km2"),
                    new ToolResult.Column("share of the valid area", "%"), new ToolResult.Column("valid cells", ""),
                    new ToolResult.Column("cells at or above", "")),
                    List.of(List.of(validM2 / 1e6, aboveM2 / 1e6, validM2 > 0 ? 100.0 * aboveM2 / validM2 : Double.NaN,
                            validCells, aboveCells))));
        } catch (GisException e) {
            throw new ToolException(e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new ToolException("cannot close " + v.path("raster") + ": " + e.getMessage(), e);
        }
    }
}
