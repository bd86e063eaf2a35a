package org.pacarbon.carbon.tools;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.carbon.core.Vsoc;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.toolbox.core.Param;
import org.pacarbon.toolbox.core.Progress;
import org.pacarbon.toolbox.core.Tool;
import org.pacarbon.toolbox.core.ToolException;
import org.pacarbon.toolbox.core.ToolResult;
import org.pacarbon.toolbox.core.ToolValues;

/**
 * Vulnerable soil organic carbon: vSOC = SOC stock x loss fraction of the cell's soil class. The method gives no
 * universal fractions (they come from the soil survey or literature a team trusts), so the tool ships none and
 * requires the table; a class of the raster missing from the table is an error that lists the missing classes.
 */
public final class VsocTool implements Tool {
    @Override
    public String help() {
        return "Derives vulnerable SOC from a SOC stock raster and a soil class raster on the same grid: each cell's"
                + " SOC times the loss fraction of its class, read from a CSV table with columns class,fraction"
                + " (0..1). No default fractions are shipped: give the ones your soil survey or literature supports."
                + " Cells without SOC or class stay nodata. Writes a GeoTIFF in the SOC unit and a table per class.";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.of("soc", "SOC stock", Param.Type.RASTER, "soil organic carbon stock raster"),
                Param.of("classes", "Soil classes", Param.Type.RASTER, "soil class raster on the same grid (class codes)"),
                Param.of("fractions", "Loss fractions", Param.Type.FILE, "CSV table with columns class,fraction"),
                Param.of("out", "Output raster", Param.Type.OUTPUT_FILE, "vSOC GeoTIFF to write").withDefault("vsoc.tif"));
    }

    @Override
    public ToolResult run(ToolValues v, Progress progress) throws ToolException {
        Path table = v.path("fractions");
        Vsoc vsoc;
        try {
            vsoc = Vsoc.read(table);
        } catch (GisException e) {
            throw new ToolException(e.getMessage(), e);
        }
        RasterSource soc = null;
        RasterSource cls = null;
        try {
            soc = Rasters.open(v.path("soc"));
            cls = Rasters.open(v.path("classes"));
            Rasters.sameGrid(soc, cls);
            int w = soc.grid().width();
            int h = soc.grid().height();
            float[] a = new float[w];
            float[] b = new float[w];
            TreeSet<Double> missing = new TreeSet<>();
            long[] missingCells = {0};
            Map<Double, double[]> stats = new TreeMap<>(); // cells, sum soc, sum vsoc
            RasterSource s = soc;
            RasterSource c = cls;
            progress.begin("Vulnerable SOC", h);
            Path out = v.path("out");
            Rasters.writeLike(soc, out, (row, dst) -> {
                progress.checkCancelled();
                s.readRows(row, 1, a);
                c.readRows(row, 1, b);
                for (int i = 0; i < w; i++) {
                    if (Float.isNaN(a[i]) || Float.isNaN(b[i])) {
                        dst[i] = Float.NaN;
                        continue;
                    }
                    double k = b[i];
                    Double f = vsoc.fraction(k);
                    if (f == null) {
                        missing.add(k);
                        missingCells[0]++;
                        dst[i] = Float.NaN;
                        continue;
                    }
                    dst[i] = (float) (a[i] * f);
                    double[] st = stats.computeIfAbsent(k, x -> new double[3]);
                    st[0]++;
                    st[1] += a[i];
                    st[2] += dst[i];
                }
                progress.worked(1);
            });
            if (!missing.isEmpty()) {
                Rasters.deleteQuietly(out);
                throw new ToolException("soil classes " + String.join(", ", missing.stream().map(Vsoc::code).toList())
                        + " of " + cls.file() + " (" + missingCells[0] + " cells) are not in the loss-fraction table "
                        + table + "; add them (fraction 0 if they lose nothing)");
            }
            String unit = Rasters.unitOf(soc);
            List<ToolResult.Column> cols = List.of(new ToolResult.Column("class", ""), new ToolResult.Column("cells", ""),
                    new ToolResult.Column("loss fraction", ""), new ToolResult.Column("mean SOC", unit),
                    new ToolResult.Column("mean vSOC", unit));
            List<List<Object>> rows = new java.util.ArrayList<>();
            for (Map.Entry<Double, double[]> e : stats.entrySet()) {
                double[] st = e.getValue();
                rows.add(List.of(Vsoc.code(e.getKey()), (long) st[0], vsoc.fraction(e.getKey()), st[1] / st[0], st[2] / st[0]));
            }
            return new ToolResult().add(new ToolResult.Table("Vulnerable SOC by soil class", cols, rows))
                    .add(new ToolResult.Raster("Vulnerable SOC", out, "carbon", unit))
                    .add("vSOC written to " + out);
        } finally {
            Rasters.closeQuietly(soc);
            Rasters.closeQuietly(cls);
        }
    }
}
