package org.pacarbon.carbon.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.pacarbon.carbon.core.GapTally;
import org.pacarbon.carbon.core.HighValue;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.FeatureSet;
import org.pacarbon.gis.core.vector.Geometries;
import org.pacarbon.gis.core.vector.VectorIO;
import org.pacarbon.toolbox.core.Param;
import org.pacarbon.toolbox.core.Progress;
import org.pacarbon.toolbox.core.Tool;
import org.pacarbon.toolbox.core.ToolException;
import org.pacarbon.toolbox.core.ToolResult;
import org.pacarbon.toolbox.core.ToolValues;
import org.pacarbon.zonal.core.CellAreas;
import org.pacarbon.zonal.core.ZoneCoverage;

/**
 * Gap analysis as a tool: reads the layer, the PAs and the regions, and reports what carbon.core's {@link GapTally}
 * sums (the high-value cells of {@link HighValue}: the top X % of the valid area, or at or above a threshold, and how
 * much of them lies outside all PAs, with exact partial coverage of cells by the PA polygons); writes the hotspots.
 */
public final class GapTool implements Tool {
    @Override
    public String help() {
        return "Finds the high-value cells of a layer (carbon density, NPP, ...) that no PA covers. High-value means"
                + " the top X % of the layer's valid area (area-weighted, so lon/lat grids are fair) or, when a"
                + " threshold is given, every cell at or above it. PA polygons (overlapping and multipart ones are"
                + " merged first) cover cells partially; the areas in the table use the exact covered fraction of"
                + " each cell. The hotspot raster is a mask: 1 where a high-value cell is at least half outside all"
                + " PAs, nodata elsewhere.";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.of("layer", "Layer", Param.Type.RASTER, "raster of the quantity (e.g. carbon density)"),
                Param.of("pas", "Protected areas", Param.Type.VECTOR, "PA polygons"),
                Param.of("top-percent", "Top share of area", Param.Type.NUMBER, "share of the valid area counted as high")
                        .withDefault("10").withUnit("%").withRange(0.000001, 100),
                Param.of("threshold", "Threshold", Param.Type.NUMBER, "cells at or above this value are high (overrides top share)")
                        .withDefault(""),
                Param.of("regions", "Regions", Param.Type.VECTOR, "optional region or province polygons: the gap per region")
                        .withDefault(""),
                Param.of("region-field", "Region name field", Param.Type.FIELD, "field naming each region").ofVector("regions")
                        .withDefault(""),
                Param.of("out", "Hotspot raster", Param.Type.OUTPUT_FILE, "GeoTIFF of gap hotspots").withDefault("gap_hotspots.tif"));
    }

    @Override
    public ToolResult run(ToolValues v, Progress progress) throws ToolException {
        RasterSource r = Rasters.open(v.path("layer"));
        try {
            GridSpec g = r.grid();
            double[] area = CellAreas.perRow(g, r.crs());
            FeatureSet pas = VectorIO.read(v.path("pas"), null, null);
            if (pas.features().isEmpty()) {
                throw new ToolException(v.path("pas") + " holds no PA polygons");
            }
            List<Geometry> parts = new ArrayList<>();
            for (Feature f : pas.features()) {
                parts.add(f.geometry());
            }
            Geometry union = Geometries.transform(Geometries.union(parts), pas.crs(), r.crs());
            ZoneCoverage cov = ZoneCoverage.of(union, g);
            List<String> regionNames = new ArrayList<>();
            List<ZoneCoverage> regions = new ArrayList<>();
            if (v.has("regions")) {
                FeatureSet rs = VectorIO.read(v.path("regions"), null, null);
                String field = v.has("region-field") ? v.text("region-field") : null;
                if (field != null && !rs.fields().contains(field)) {
                    throw new ToolException(v.path("regions") + " has no field '" + field + "' (fields: "
                            + String.join(", ", rs.fields()) + ")");
                }
                for (Feature f : rs.features()) {
                    regionNames.add(field == null ? f.id() : f.text(field).orElse(f.id()));
                    regions.add(ZoneCoverage.of(Geometries.transform(f.geometry(), rs.crs(), r.crs()), g));
                }
            }
            double[][] regionFrac = new double[regions.size()][];
            for (int k = 0; k < regions.size(); k++) {
                ZoneCoverage z = regions.get(k);
                regionFrac[k] = new double[z == null ? 0 : z.colEnd() - z.colStart()];
            }
            int w = g.width();
            int h = g.height();
            progress.begin("Gap analysis", 2 * h);
            double threshold;
            String how;
            if (v.has("threshold")) {
                threshold = v.number("threshold");
                how = "at or above " + threshold;
            } else {
                double top = v.number("top-percent");
                threshold = HighValue.topShareThreshold(r, area, top / 100, y -> row(progress));
                how = "top " + top + " % of the valid area (threshold " + threshold + ")";
            }
            GapTally tally = new GapTally(threshold, regions.size());
            float[] row = new float[w];
            double[] frac = new double[cov == null ? 0 : cov.colEnd() - cov.colStart()];
            Path out = v.path("out");
            Rasters.writeLike(r, out, (y, dst) -> {
                progress.checkCancelled();
                r.readRows(y, 1, row);
                boolean inWindow = cov != null && y >= cov.rowStart() && y < cov.rowEnd();
                if (inWindow && cov != null) {
                    cov.band(y, y + 1, frac);
                }
                boolean[] regionRow = new boolean[regions.size()];
                for (int k = 0; k < regions.size(); k++) {
                    ZoneCoverage z = regions.get(k);
                    regionRow[k] = z != null && y >= z.rowStart() && y < z.rowEnd();
                    if (regionRow[k] && z != null) {
                        z.band(y, y + 1, regionFrac[k]);
                    }
                }
                for (int x = 0; x < w; x++) {
                    float val = row[x];
                    if (Float.isNaN(val)) {
                        dst[x] = Float.NaN;
                        continue;
                    }
                    double f = inWindow && cov != null && x >= cov.colStart() && x < cov.colEnd() ? frac[x - cov.colStart()] : 0;
                    boolean hotspot = tally.add(val, area[y], f);
                    for (int k = 0; k < regionRow.length; k++) {
                        ZoneCoverage z = regions.get(k);
                        if (regionRow[k] && x >= z.colStart() && x < z.colEnd()) {
                            tally.addToRegion(k, val, area[y], f, regionFrac[k][x - z.colStart()]);
                        }
                    }
                    dst[x] = hotspot ? 1f : Float.NaN; // a mask: on the map only the hotspots show
                }
                progress.worked(1);
            });
            String unit = Rasters.unitOf(r);
            List<ToolResult.Column> cols = List.of(new ToolResult.Column("measure", ""), new ToolResult.Column("value", ""),
                    new ToolResult.Column("unit", ""));
            List<List<Object>> rows = List.of(
                    List.of("threshold", threshold, unit),
                    List.of("valid area", tally.validArea() / 1e6, "km2"),
                    List.of("high-value area", tally.highArea() / 1e6, "km2"),
                    List.of("high-value area inside PAs", tally.highInside() / 1e6, "km2"),
                    List.of("high-value area outside PAs (gap)", tally.highOutside() / 1e6, "km2"),
                    List.of("gap share of high-value area", tally.gapPercent(), "%"),
                    List.of("value x area in the gap", tally.amountOutside(), unit.isEmpty() ? "m2" : "(" + unit + ") x m2"));
            ToolResult res = new ToolResult().add(new ToolResult.Table("Gap analysis", cols, rows));
            if (!regions.isEmpty()) {
                List<List<Object>> rr = new ArrayList<>();
                for (int k = 0; k < regions.size(); k++) {
                    double[] b = tally.region(k);
                    rr.add(java.util.Arrays.asList(regionNames.get(k), b[0] / 1e6, b[1] / 1e6,
                            b[0] > 0 ? 100 * b[1] / b[0] : Double.NaN, b[2]));
                }
                res.add(new ToolResult.Table("Gap by region", List.of(new ToolResult.Column("region", ""),
                        new ToolResult.Column("high-value area", "km2"), new ToolResult.Column("gap area", "km2"),
                        new ToolResult.Column("gap share", "%"), new ToolResult.Column("value x area in the gap",
                                unit.isEmpty() ? "m2" : "(" + unit + ") x m2")), rr));
                res.add(new ToolResult.Chart("Gap area by region", "bar", "Gap by region", "region", List.of("gap area")));
            }
            return res
                    .add(new ToolResult.Raster("Gap hotspots", out, "hotspot", ""))
                    .add("High-value cells: " + how + "; hotspot raster " + out);
        } catch (GisException e) {
            throw new ToolException(e.getMessage(), e);
        } finally {
            Rasters.closeQuietly(r);
        }
    }

    /** Progress of one row of a core computation; a cancel stops it (the runner reports it as cancelled). */
    static void row(Progress progress) {
        if (progress.isCancelled()) {
            throw new java.util.concurrent.CancellationException();
        }
        progress.worked(1);
    }
}
