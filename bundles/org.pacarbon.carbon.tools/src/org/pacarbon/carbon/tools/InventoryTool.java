package org.pacarbon.carbon.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.pacarbon.toolbox.core.Param;
import org.pacarbon.toolbox.core.Progress;
import org.pacarbon.toolbox.core.Tool;
import org.pacarbon.toolbox.core.ToolException;
import org.pacarbon.toolbox.core.ToolResult;
import org.pacarbon.toolbox.core.ToolValues;

/**
 * PA emission inventory (research question 8): activity data per PA and year (visitors, vehicle km by fuel,
 * electricity, fuel use, waste) times emission factors from an editable table gives t CO2e per PA, year and
 * activity, totals per PA and year, and each PA's trend.
 */
public final class InventoryTool implements Tool {
    @Override
    public String help() {
        return "Activity table (CSV: pa_id,year,activity,amount,unit) x emission factor table (CSV: activity,unit,"
                + "kgco2e_per_unit) -> t CO2e per PA, year and activity; totals per PA and year with the change from"
                + " the year before; per PA the compound annual growth between its first and last year. Every activity"
                + " and unit of the activity table must have a factor: the tool names the line that has none. No"
                + " factors are shipped: use your national inventory's factors (for example IPCC defaults).";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.of("activities", "Activity data", Param.Type.FILE, "CSV: pa_id,year,activity,amount,unit"),
                Param.of("factors", "Emission factors", Param.Type.FILE, "CSV: activity,unit,kgco2e_per_unit"));
    }

    private record Key(String pa, int year, String activity, String unit) {
    }

    @Override
    public ToolResult run(ToolValues v, Progress progress) throws ToolException {
        Path fp = v.path("factors");
        Map<String, Double> factors = new LinkedHashMap<>();
        for (Csv.Row r : Csv.read(fp, "activity", "unit", "kgco2e_per_unit")) {
            String k = key(r.get("activity"), r.get("unit"));
            double f = Csv.number(r, "kgco2e_per_unit", fp);
            if (f < 0) {
                throw new ToolException(fp + " line " + r.line() + ": a negative factor (" + f + ")");
            }
            if (factors.put(k, f) != null) {
                throw new ToolException(fp + " line " + r.line() + ": " + r.get("activity") + " in " + r.get("unit")
                        + " has a factor already");
            }
        }
        Path ap = v.path("activities");
        List<Csv.Row> rows = Csv.read(ap, "pa_id", "year", "activity", "amount", "unit");
        if (rows.isEmpty()) {
            throw new ToolException(ap + " has no activity rows");
        }
        progress.begin("Emission inventory", rows.size());
        Map<Key, double[]> byActivity = new TreeMap<>((a, b) -> {
            int c = a.pa().compareTo(b.pa());
            c = c != 0 ? c : Integer.compare(a.year(), b.year());
            c = c != 0 ? c : a.activity().compareTo(b.activity());
            return c != 0 ? c : a.unit().compareTo(b.unit());
        });
        for (Csv.Row r : rows) {
            progress.checkCancelled();
            String pa = r.get("pa_id");
            if (pa.isEmpty()) {
                throw new ToolException(ap + " line " + r.line() + ": no pa_id");
            }
            int year;
            try {
                year = Integer.parseInt(r.get("year"));
            } catch (NumberFormatException e) {
                throw new ToolException(ap + " line " + r.line() + ": year '" + r.get("year") + "' is not a year");
            }
            double amount = Csv.number(r, "amount", ap);
            if (amount < 0) {
                throw new ToolException(ap + " line " + r.line() + ": a negative amount (" + amount + ")");
            }
            Double f = factors.get(key(r.get("activity"), r.get("unit")));
            if (f == null) {
                throw new ToolException(ap + " line " + r.line() + ": no emission factor for '" + r.get("activity")
                        + "' in '" + r.get("unit") + "' in " + fp);
            }
            double[] s = byActivity.computeIfAbsent(new Key(pa, year, r.get("activity"), r.get("unit")), k -> new double[3]);
            s[0] += amount;
            s[1] = f;
            s[2] += amount * f / 1000; // kg -> t
            progress.worked(1);
        }
        List<List<Object>> detail = new ArrayList<>();
        Map<String, TreeMap<Integer, Double>> perPaYear = new TreeMap<>();
        for (Map.Entry<Key, double[]> e : byActivity.entrySet()) {
            Key k = e.getKey();
            double[] s = e.getValue();
            detail.add(List.of(k.pa(), k.year(), k.activity(), s[0], k.unit(), s[1], s[2]));
            perPaYear.computeIfAbsent(k.pa(), x -> new TreeMap<>()).merge(k.year(), s[2], Double::sum);
        }
        List<List<Object>> totals = new ArrayList<>();
        List<List<Object>> trends = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, Double>> e : perPaYear.entrySet()) {
            Double prev = null;
            for (Map.Entry<Integer, Double> y : e.getValue().entrySet()) {
                totals.add(List.of(e.getKey(), y.getKey(), y.getValue(),
                        prev == null || prev == 0 ? Double.NaN : 100 * (y.getValue() / prev - 1)));
                prev = y.getValue();
            }
            int y0 = e.getValue().firstKey();
            int y1 = e.getValue().lastKey();
            double t0 = e.getValue().firstEntry().getValue();
            double t1 = e.getValue().lastEntry().getValue();
            double cagr = y1 > y0 && t0 > 0 ? 100 * (Math.pow(t1 / t0, 1.0 / (y1 - y0)) - 1) : Double.NaN;
            trends.add(List.of(e.getKey(), y0, y1, t0, t1, cagr));
        }
        ToolResult.Column t = new ToolResult.Column("emissions", "t CO2e");
        return new ToolResult()
                .add(new ToolResult.Table("Emissions per PA, year and activity", List.of(new ToolResult.Column("pa_id", ""),
                        new ToolResult.Column("year", ""), new ToolResult.Column("activity", ""),
                        new ToolResult.Column("amount", ""), new ToolResult.Column("unit", ""),
                        new ToolResult.Column("factor", "kg CO2e per unit"), t), detail))
                .add(new ToolResult.Table("Emissions per PA and year", List.of(new ToolResult.Column("pa_id", ""),
                        new ToolResult.Column("year", ""), t, new ToolResult.Column("change from the year before", "%")),
                        totals))
                .add(new ToolResult.Table("Emission trend per PA", List.of(new ToolResult.Column("pa_id", ""),
                        new ToolResult.Column("first year", ""), new ToolResult.Column("last year", ""),
                        new ToolResult.Column("first", "t CO2e"), new ToolResult.Column("last", "t CO2e"),
                        new ToolResult.Column("compound annual growth", "%")), trends))
                .add(new ToolResult.Chart("Emissions per PA and year", "line", "Emissions per PA and year", "year",
                        List.of("emissions")));
    }

    private static String key(String activity, String unit) {
        return activity.strip().toLowerCase(Locale.ROOT) + "\u0000" + unit.strip().toLowerCase(Locale.ROOT);
    }
}
