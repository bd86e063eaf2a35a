package org.pacarbon.example.tool;

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

/** Step 3 of README.md: the tool itself. Counts the cells of a raster at or above a value. */
public final class AreaAboveTool implements Tool {
    @Override
    public String help() {
        return "Counts the valid cells of a raster whose value is at or above a threshold, and their share.";
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
            float[] row = new float[w];
            long valid = 0;
            long above = 0;
            progress.begin("Counting", h);
            for (int y = 0; y < h; y++) {
                progress.checkCancelled(); // lets the user cancel
                r.readRows(y, 1, row);
                for (float f : row) {
                    if (!Float.isNaN(f)) {
                        valid++;
                        above += f >= v.number("value") ? 1 : 0;
                    }
                }
                progress.worked(1);
            }
            return new ToolResult().add(new ToolResult.Table("Cells above " + v.number("value"), List.of(
                    new ToolResult.Column("valid cells", ""), new ToolResult.Column("cells at or above", ""),
                    new ToolResult.Column("share", "%")),
                    List.of(List.of(valid, above, valid > 0 ? 100.0 * above / valid : Double.NaN))));
        } catch (GisException e) {
            throw new ToolException(e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new ToolException("cannot close " + v.path("raster") + ": " + e.getMessage(), e);
        }
    }
}
