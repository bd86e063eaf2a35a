package org.pacarbon.carbon.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.pacarbon.carbon.core.Assessment;
import org.pacarbon.carbon.core.AssessmentSpec;
import org.pacarbon.carbon.core.Trends;
import org.pacarbon.carbon.core.SpecException;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.toolbox.core.Param;
import org.pacarbon.toolbox.core.Progress;
import org.pacarbon.toolbox.core.Tool;
import org.pacarbon.toolbox.core.ToolException;
import org.pacarbon.toolbox.core.ToolResult;
import org.pacarbon.toolbox.core.ToolValues;

/** Trends of a yearly layer: per category and per PA, and per cell as a raster of Sen's slopes. */
public final class TrendTool implements Tool {
    @Override
    public String help() {
        return "For a layer with several years in the spec (e.g. NPP 2000-2020): per report category and per PA the"
                + " total of the first and last year, the change, the compound annual growth and Sen's slope (median"
                + " of the slopes between every pair of years, robust to one odd year); and, when the years are raster"
                + " files on one grid, a raster of each cell's Sen's slope (layer unit per year).";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.of("spec", "Assessment spec", Param.Type.FILE, "the JSON spec with the yearly layer"),
                Param.of("layer", "Layer key", Param.Type.TEXT, "key of a layer with several years (e.g. npp)").layerOf("spec"),
                Param.of("out", "Trend raster", Param.Type.OUTPUT_FILE, "per-cell Sen's slope GeoTIFF").withDefault("trend.tif"));
    }

    @Override
    public ToolResult run(ToolValues v, Progress progress) throws ToolException {
        String key = v.required("layer");
        try {
            AssessmentSpec spec = SpecLayers.only(AssessmentSpec.read(v.path("spec")), key);
            List<AssessmentSpec.Layer> years = spec.layers().stream().filter(l -> l.key().equals(key) && l.year() != null)
                    .sorted((a, b) -> Integer.compare(a.yearOrZero(), b.yearOrZero())).toList();
            if (years.size() < 2) {
                throw new ToolException("layer " + key + " of " + spec.file() + " has " + years.size()
                        + " year(s); a trend needs at least two");
            }
            progress.begin("Trend of " + key, -1);
            Assessment.Result r = Assessment.run(spec, progress::message, progress::isCancelled);
            progress.checkCancelled();
            Map<String, TreeMap<Integer, Double>> byCategory = new TreeMap<>();
            String unit = "";
            for (Assessment.Row x : r.rows()) {
                if (x.layer().equals(key) && x.year() != null) {
                    byCategory.computeIfAbsent(r.categoryLabels().getOrDefault(x.category(), x.category()),
                            k -> new TreeMap<>()).put(x.year(), x.total());
                    unit = x.totalUnit();
                }
            }
            Map<String, TreeMap<Integer, Double>> byPa = new TreeMap<>();
            for (Assessment.PaRow x : r.paRows()) {
                if (x.layer().equals(key) && x.year() != null) {
                    byPa.computeIfAbsent(x.paId() + " " + (x.name() == null ? "" : x.name()), k -> new TreeMap<>())
                            .put(x.year(), x.total());
                }
            }
            ToolResult res = new ToolResult();
            res.add(table("Trend of " + key + " per category", "category", byCategory, unit));
            res.add(table("Trend of " + key + " per PA", "pa", byPa, unit));
            res.add(new ToolResult.Chart("Trend of " + key, "line", "Trend of " + key + " per category", "category",
                    List.of("first", "last")));
            if (years.stream().allMatch(l -> l.path() != null)) {
                Path out = v.path("out");
                cellTrend(years, out, progress);
                String u = years.get(0).unit() == null ? "" : years.get(0).unit() + " per year";
                res.add(new ToolResult.Raster("Trend of " + key + " (Sen's slope)", out, "trend", u));
            } else {
                res.add("No trend raster: some years of " + key + " are sums of other layers");
            }
            return res;
        } catch (SpecException | GisException e) {
            throw new ToolException(e.getMessage(), e);
        }
    }

    static ToolResult.Table table(String title, String what, Map<String, TreeMap<Integer, Double>> series, String unit) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, Double>> e : series.entrySet()) {
            TreeMap<Integer, Double> s = e.getValue();
            int y0 = s.firstKey();
            int y1 = s.lastKey();
            double t0 = s.firstEntry().getValue();
            double t1 = s.lastEntry().getValue();
            double[] x = new double[s.size()];
            double[] y = new double[s.size()];
            int i = 0;
            for (Map.Entry<Integer, Double> p : s.entrySet()) {
                x[i] = p.getKey();
                y[i++] = p.getValue();
            }
            rows.add(Arrays.asList(e.getKey(), y0, y1, t0, t1, t1 - t0, Trends.cagrPercent(t0, t1, y0, y1), Trends.sen(x, y, s.size())));
        }
        return new ToolResult.Table(title, List.of(new ToolResult.Column(what, ""), new ToolResult.Column("first year", ""),
                new ToolResult.Column("last year", ""), new ToolResult.Column("first", unit),
                new ToolResult.Column("last", unit), new ToolResult.Column("change", unit),
                new ToolResult.Column("compound annual growth", "%"), new ToolResult.Column("Sen's slope", unit + " per year")),
                rows);
    }

    /** Each cell's Sen's slope over the years (cells with fewer than two valid years are nodata). */
    static void cellTrend(List<AssessmentSpec.Layer> years, Path out, Progress progress) throws ToolException {
        List<RasterSource> rs = new ArrayList<>();
        try {
            for (AssessmentSpec.Layer l : years) {
                rs.add(Rasters.open(l.variable() == null ? l.filePath() : Path.of(l.filePath() + "#" + l.variable())));
                if (rs.size() > 1) {
                    Rasters.sameGrid(rs.get(0), rs.get(rs.size() - 1));
                }
            }
            int w = rs.get(0).grid().width();
            int n = rs.size();
            float[][] rows = new float[n][w];
            double[] x = new double[n];
            double[] y = new double[n];
            progress.begin("Trend raster", rs.get(0).grid().height());
            Rasters.writeLike(rs.get(0), out, (row, dst) -> {
                progress.checkCancelled();
                for (int k = 0; k < n; k++) {
                    rs.get(k).readRows(row, 1, rows[k]);
                }
                for (int c = 0; c < w; c++) {
                    int m = 0;
                    for (int k = 0; k < n; k++) {
                        if (!Float.isNaN(rows[k][c])) {
                            x[m] = years.get(k).yearOrZero();
                            y[m++] = rows[k][c];
                        }
                    }
                    dst[c] = (float) Trends.sen(x, y, m);
                }
                progress.worked(1);
            });
        } finally {
            rs.forEach(Rasters::closeQuietly);
        }
    }
}
