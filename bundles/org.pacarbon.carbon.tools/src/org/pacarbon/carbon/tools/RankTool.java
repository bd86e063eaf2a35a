package org.pacarbon.carbon.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.pacarbon.carbon.core.Assessment;
import org.pacarbon.carbon.core.AssessmentSpec;
import org.pacarbon.carbon.core.SpecException;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.toolbox.core.Param;
import org.pacarbon.toolbox.core.Progress;
import org.pacarbon.toolbox.core.Tool;
import org.pacarbon.toolbox.core.ToolException;
import org.pacarbon.toolbox.core.ToolResult;
import org.pacarbon.toolbox.core.ToolValues;

/** Every single PA ranked by one layer of a spec: its total, its density (per area), or its change between years. */
public final class RankTool implements Tool {
    @Override
    public String help() {
        return "Assesses one layer of a spec for every single PA (exact partial coverage; overlapping PAs each count"
                + " in full) and ranks the PAs by the layer's total, its density (total per valid area) or its change"
                + " between the first and the last year of a yearly layer (or --from/--to).";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.of("spec", "Assessment spec", Param.Type.FILE, "the JSON spec with the PAs and the layer"),
                Param.of("layer", "Layer key", Param.Type.TEXT, "key of the layer in the spec (e.g. npp)").layerOf("spec"),
                Param.of("measure", "Rank by", Param.Type.CHOICE, "what to rank by").withChoices("total", "density", "change")
                        .withDefault("total"),
                Param.of("year", "Year", Param.Type.NUMBER, "year of a yearly layer (default: the last)").withDefault(""),
                Param.of("from", "From year", Param.Type.NUMBER, "first year of the change (default: the first)").withDefault(""),
                Param.of("to", "To year", Param.Type.NUMBER, "last year of the change (default: the last)").withDefault(""));
    }

    @Override
    public ToolResult run(ToolValues v, Progress progress) throws ToolException {
        try {
            AssessmentSpec spec = SpecLayers.only(AssessmentSpec.read(v.path("spec")), v.required("layer"));
            progress.begin("Per-PA ranking", -1);
            Assessment.Result r = Assessment.run(spec, progress::message, progress::isCancelled);
            progress.checkCancelled();
            String key = v.required("layer");
            List<Assessment.PaRow> rows = r.paRows().stream().filter(x -> x.layer().equals(key)).toList();
            if (rows.isEmpty()) {
                throw new ToolException("no PA of " + spec.protectedAreas().path() + " overlaps layer " + key);
            }
            TreeSet<Integer> years = new TreeSet<>();
            rows.forEach(x -> {
                if (x.year() != null) {
                    years.add(x.year());
                }
            });
            String measure = v.required("measure");
            List<List<Object>> out = new ArrayList<>();
            String unit;
            if (measure.equals("change")) {
                if (years.size() < 2) {
                    throw new ToolException("layer " + key + " has " + years.size() + " year(s): a change needs two");
                }
                int from = v.has("from") ? (int) v.number("from") : years.first();
                int to = v.has("to") ? (int) v.number("to") : years.last();
                check(years, from, key);
                check(years, to, key);
                Map<String, Assessment.PaRow> a = byPa(rows, from);
                Map<String, Assessment.PaRow> b = byPa(rows, to);
                unit = rows.get(0).totalUnit();
                for (Map.Entry<String, Assessment.PaRow> e : b.entrySet()) {
                    Assessment.PaRow x0 = a.get(e.getKey());
                    Assessment.PaRow x1 = e.getValue();
                    if (x0 == null) {
                        continue;
                    }
                    double d = x1.total() - x0.total();
                    out.add(new ArrayList<>(Arrays.asList(0, x1.paId(), x1.name(), x1.paClass(), d,
                            x0.total() != 0 ? 100 * d / x0.total() : Double.NaN, x1.areaKm2())));
                }
            } else {
                int year = v.has("year") ? (int) v.number("year") : years.isEmpty() ? 0 : years.last();
                if (!years.isEmpty()) {
                    check(years, year, key);
                }
                boolean density = measure.equals("density");
                unit = density ? rows.get(0).perAreaUnit() : rows.get(0).totalUnit();
                for (Assessment.PaRow x : rows) {
                    if (years.isEmpty() || x.year() == year) {
                        out.add(new ArrayList<>(Arrays.asList(0, x.paId(), x.name(), x.paClass(),
                                density ? x.perArea() : x.total(), Double.NaN, x.areaKm2())));
                    }
                }
            }
            // each PA's extent (in the PA file's CRS), so that the workbench can zoom the map to a selected row
            Map<String, org.locationtech.jts.geom.Envelope> extents = new java.util.HashMap<>();
            org.pacarbon.gis.core.vector.FeatureSet pas = org.pacarbon.gis.core.vector.VectorIO.read(
                    spec.protectedAreas().path(), spec.protectedAreas().layer(), null);
            for (org.pacarbon.gis.core.vector.Feature f : pas.features()) {
                String idField = spec.protectedAreas().idField();
                String id = idField == null ? f.id() : f.text(idField).orElse(f.id());
                extents.merge(id, f.geometry().getEnvelopeInternal(), (a, b) -> {
                    org.locationtech.jts.geom.Envelope e = new org.locationtech.jts.geom.Envelope(a);
                    e.expandToInclude(b);
                    return e;
                });
            }
            for (List<Object> row : out) {
                org.locationtech.jts.geom.Envelope e = extents.get(String.valueOf(row.get(1)));
                row.addAll(e == null ? Arrays.asList(Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                        : List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()));
            }
            out.sort(Comparator.comparingDouble((List<Object> x) -> -((Number) x.get(4)).doubleValue()));
            for (int i = 0; i < out.size(); i++) {
                out.get(i).set(0, i + 1);
            }
            return new ToolResult().add(new ToolResult.Table("PA ranking by " + key + " " + measure, List.of(
                    new ToolResult.Column("rank", ""), new ToolResult.Column("pa_id", ""),
                    new ToolResult.Column("name", ""), new ToolResult.Column("class", ""),
                    new ToolResult.Column(measure, unit), new ToolResult.Column("change", "%"),
                    new ToolResult.Column("area", "km2"), new ToolResult.Column(ToolResult.EXTENT_COLUMNS.get(0), ""),
                    new ToolResult.Column(ToolResult.EXTENT_COLUMNS.get(1), ""),
                    new ToolResult.Column(ToolResult.EXTENT_COLUMNS.get(2), ""),
                    new ToolResult.Column(ToolResult.EXTENT_COLUMNS.get(3), "")), out))
                    .add(new ToolResult.Chart("PA ranking", "bar", "PA ranking by " + key + " " + measure, "name",
                            List.of(measure)));
        } catch (SpecException | GisException e) {
            throw new ToolException(e.getMessage(), e);
        }
    }

    private static void check(TreeSet<Integer> years, int y, String key) throws ToolException {
        if (!years.contains(y)) {
            throw new ToolException("layer " + key + " has no year " + y + " (years: " + years + ")");
        }
    }

    private static Map<String, Assessment.PaRow> byPa(List<Assessment.PaRow> rows, int year) {
        Map<String, Assessment.PaRow> m = new LinkedHashMap<>();
        rows.stream().filter(x -> x.year() != null && x.year() == year).forEach(x -> m.put(x.paId(), x));
        return m;
    }
}
