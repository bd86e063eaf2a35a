package org.pacarbon.carbon.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.pacarbon.carbon.core.HighValue;
import org.pacarbon.carbon.core.Synergy;
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
 * Synergy zoning (research question 12) as a tool: reads a carbon and a biodiversity layer and the PAs, classes the
 * cells with carbon.core's {@link Synergy} (high by {@link HighValue}'s top share or by thresholds), reports each
 * class's area inside and outside PAs and the candidate patches of "both high" outside PAs; writes the class raster.
 */
public final class SynergyTool implements Tool {
    @Override
    public String help() {
        return "Splits a carbon layer and a biodiversity layer (any raster on the same grid, e.g. species richness)"
                + " into high and low, by the top share of the valid area (area-weighted) or by thresholds. Classes: 1"
                + " both high (key synergy area), 2 carbon high only (candidate for OECMs or a carbon park), 3"
                + " biodiversity high only, 4 both low. Reports each class's area inside and outside all PAs (exact"
                + " partial coverage) and lists the contiguous patches (4-neighbour) of class 1 outside PAs of at"
                + " least the minimum size.";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.of("carbon", "Carbon layer", Param.Type.RASTER, "carbon density or NPP raster"),
                Param.of("biodiversity", "Biodiversity layer", Param.Type.RASTER, "raster on the same grid (e.g. species richness)"),
                Param.of("pas", "Protected areas", Param.Type.VECTOR, "PA polygons"),
                Param.of("split", "Split by", Param.Type.CHOICE, "top share of the area, or thresholds")
                        .withChoices("quantile", "threshold").withDefault("quantile"),
                Param.of("carbon-top", "Carbon: top share", Param.Type.NUMBER, "share of the area where carbon is high")
                        .withUnit("%").withRange(0.000001, 100).withDefault("30"),
                Param.of("bio-top", "Biodiversity: top share", Param.Type.NUMBER, "share of the area where biodiversity is high")
                        .withUnit("%").withRange(0.000001, 100).withDefault("30"),
                Param.of("carbon-threshold", "Carbon threshold", Param.Type.NUMBER, "carbon high at or above (split threshold)")
                        .withDefault(""),
                Param.of("bio-threshold", "Biodiversity threshold", Param.Type.NUMBER, "biodiversity high at or above (split threshold)")
                        .withDefault(""),
                Param.of("min-patch", "Minimum patch", Param.Type.NUMBER, "smallest candidate patch").withUnit("km2")
                        .withRange(0, Double.MAX_VALUE).withDefault("100"),
                Param.of("out", "Class raster", Param.Type.OUTPUT_FILE, "GeoTIFF of the four classes").withDefault("synergy.tif"));
    }

    @Override
    public ToolResult run(ToolValues v, Progress progress) throws ToolException {
        RasterSource c = null;
        RasterSource b = null;
        try {
            c = Rasters.open(v.path("carbon"));
            b = Rasters.open(v.path("biodiversity"));
            Rasters.sameGrid(c, b);
            GridSpec g = c.grid();
            long n = (long) g.width() * g.height();
            if (n > HighValue.MAX_CELLS) {
                throw new ToolException(c.file() + " has " + n + " cells: too many for patch finding in memory");
            }
            double[] area = CellAreas.perRow(g, c.crs());
            progress.begin("Synergy zoning", 4 * g.height());
            double tc;
            double tb;
            if (v.required("split").equals("threshold")) {
                if (!v.has("carbon-threshold") || !v.has("bio-threshold")) {
                    throw new ToolException("split by threshold needs --carbon-threshold and --bio-threshold");
                }
                tc = v.number("carbon-threshold");
                tb = v.number("bio-threshold");
            } else {
                tc = HighValue.topShareThreshold(c, area, v.number("carbon-top") / 100, y -> GapTool.row(progress));
                tb = HighValue.topShareThreshold(b, area, v.number("bio-top") / 100, y -> GapTool.row(progress));
            }
            final double thrC = tc;
            final double thrB = tb;
            FeatureSet pas = VectorIO.read(v.path("pas"), null, null);
            List<Geometry> parts = new ArrayList<>();
            for (Feature f : pas.features()) {
                parts.add(f.geometry());
            }
            ZoneCoverage cov = parts.isEmpty() ? null
                    : ZoneCoverage.of(Geometries.transform(Geometries.union(parts), pas.crs(), c.crs()), g);
            int w = g.width();
            byte[] cls = new byte[(int) n];
            float[] cv = new float[(int) n];
            float[] outside = new float[(int) n];
            float[] rc = new float[w];
            float[] rb = new float[w];
            double[] frac = new double[cov == null ? 0 : cov.colEnd() - cov.colStart()];
            double[][] areas = new double[5][2]; // class -> inside, outside (m2)
            RasterSource cc = c;
            RasterSource bb = b;
            Path out = v.path("out");
            Rasters.writeLike(c, out, (y, dst) -> {
                progress.checkCancelled();
                cc.readRows(y, 1, rc);
                bb.readRows(y, 1, rb);
                boolean inWindow = cov != null && y >= cov.rowStart() && y < cov.rowEnd();
                if (inWindow && cov != null) {
                    cov.band(y, y + 1, frac);
                }
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    if (Float.isNaN(rc[x]) || Float.isNaN(rb[x])) {
                        dst[x] = Float.NaN;
                        continue;
                    }
                    int k = Synergy.classOf(rc[x], rb[x], thrC, thrB);
                    double f = inWindow && cov != null && x >= cov.colStart() && x < cov.colEnd() ? frac[x - cov.colStart()] : 0;
                    areas[k][0] += area[y] * f;
                    areas[k][1] += area[y] * (1 - f);
                    cls[i] = (byte) k;
                    cv[i] = rc[x];
                    outside[i] = (float) (1 - f);
                    dst[x] = k;
                }
                progress.worked(1);
            });
            List<List<Object>> classRows = new ArrayList<>();
            for (int k = 1; k <= 4; k++) {
                double tot = areas[k][0] + areas[k][1];
                classRows.add(Arrays.asList(k, Synergy.NAMES.get(k), areas[k][0] / 1e6, areas[k][1] / 1e6,
                        tot > 0 ? 100 * areas[k][0] / tot : Double.NaN));
            }
            List<List<Object>> patches = new ArrayList<>();
            for (Synergy.Patch p : Synergy.patches(g, cls, cv, outside, area, v.number("min-patch") * 1e6, y -> {
                if (progress.isCancelled()) {
                    throw new java.util.concurrent.CancellationException();
                }
            })) {
                patches.add(Arrays.asList(patches.size() + 1, p.cells(), p.area() / 1e6, p.centreX(), p.centreY(), p.meanCarbon()));
            }
            return new ToolResult()
                    .add(new ToolResult.Table("Synergy classes", List.of(new ToolResult.Column("class", ""),
                            new ToolResult.Column("meaning", ""), new ToolResult.Column("inside PAs", "km2"),
                            new ToolResult.Column("outside PAs", "km2"), new ToolResult.Column("protected", "%")), classRows))
                    .add(new ToolResult.Table("Candidate synergy patches outside PAs", List.of(
                            new ToolResult.Column("patch", ""), new ToolResult.Column("cells", ""),
                            new ToolResult.Column("area", "km2"), new ToolResult.Column("centre x", ""),
                            new ToolResult.Column("centre y", ""), new ToolResult.Column("mean carbon",
                                    Rasters.unitOf(c))), patches))
                    .add(new ToolResult.Raster("Synergy classes", out, "class", ""))
                    .add("Carbon high at or above " + tc + ", biodiversity high at or above " + tb);
        } catch (GisException e) {
            throw new ToolException(e.getMessage(), e);
        } finally {
            Rasters.closeQuietly(c);
            Rasters.closeQuietly(b);
        }
    }
}
