package org.pacarbon.report;

import org.eclipse.jdt.annotation.Nullable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pacarbon.carbon.core.Assessment;
import org.pacarbon.carbon.core.AssessmentSpec;

/**
 * The report's tables, laid out like the paper's Tables 1-3: one table per group (storage, uptake by year,
 * emissions by year), the categories as columns (region, each PA class, all PAs, outside PAs), and per layer and year
 * the total, the share of the region, the value per area, the ratio to the region and the valid area; then the
 * growth from the first to the last year; and the PAs with the largest totals and densities.
 */
public final class ReportTables {
    private ReportTables() {
    }

    /** Tables 1-3 and the growth tables. */
    public static List<ReportModel.Table> paperTables(Assessment.Result r, ReportText tx) {
        List<ReportModel.Table> out = new ArrayList<>();
        AssessmentSpec spec = r.spec();
        List<String> cats = r.categories();
        for (String group : AssessmentSpec.GROUPS) {
            List<Assessment.Row> rows = r.rows().stream().filter(x -> x.group().equals(group)).toList();
            if (rows.isEmpty()) {
                continue;
            }
            List<String> header = new ArrayList<>(List.of(tx.t("col.layer"), tx.t("col.year"), tx.t("col.measure")));
            for (String c : cats) {
                header.add(tx.category(spec, c, r.categoryLabels().get(c)));
            }
            List<List<String>> body = new ArrayList<>();
            Map<String, List<Assessment.Row>> byLayer = rows.stream().collect(Collectors.groupingBy(
                    x -> x.layer() + "\u0000" + (x.year() == null ? "" : x.year()), LinkedHashMap::new, Collectors.toList()));
            for (List<Assessment.Row> lr : byLayer.values()) {
                Assessment.Row first = lr.get(0);
                String year = Objects.toString(first.year(), "");
                body.add(line(tx.layer(spec, first.layer()), year, tx.t("measure.total", first.totalUnit()), cats, lr, x -> tx.n(x.total())));
                body.add(line("", "", tx.t("measure.share"), cats, lr, x -> tx.p(x.sharePct())));
                body.add(line("", "", tx.t("measure.perArea", first.perAreaUnit()), cats, lr, x -> tx.n(x.perArea())));
                body.add(line("", "", tx.t("measure.ratio"), cats, lr, x -> tx.n(x.ratioToRegion())));
                body.add(line("", "", tx.t("measure.validArea"), cats, lr, x -> tx.n(x.validAreaKm2())));
            }
            out.add(new ReportModel.Table(tx.t("table." + group) + tx.t("unit.paren", rows.get(0).totalUnit()), header, body, 3));
            out.addAll(growth(r, tx, rows, cats));
        }
        return out;
    }

    private static List<ReportModel.Table> growth(Assessment.Result r, ReportText tx, List<Assessment.Row> rows, List<String> cats) {
        List<ReportModel.Table> out = new ArrayList<>();
        Map<String, TreeSet<Integer>> years = years(rows);
        for (Map.Entry<String, TreeSet<Integer>> e : years.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            int y0 = e.getValue().first(), y1 = e.getValue().last();
            String name = tx.layer(r.spec(), e.getKey());
            List<String> header = new ArrayList<>(List.of(tx.t("col.layer"), tx.t("col.measure")));
            for (String c : cats) {
                header.add(tx.category(r.spec(), c, r.categoryLabels().get(c)));
            }
            List<String> total = new ArrayList<>(List.of(name, tx.t("growth.total", String.valueOf(y0), String.valueOf(y1))));
            List<String> perArea = new ArrayList<>(List.of("", tx.t("growth.perArea", String.valueOf(y0), String.valueOf(y1))));
            List<String> cagr = new ArrayList<>(List.of("", tx.t("growth.cagr")));
            for (String c : cats) {
                Assessment.Row a = find(rows, e.getKey(), y0, c), b = find(rows, e.getKey(), y1, c);
                total.add(a == null || b == null ? "" : tx.p(100 * (b.total() / a.total() - 1)));
                perArea.add(a == null || b == null ? "" : tx.p(100 * (b.perArea() / a.perArea() - 1)));
                cagr.add(a == null || b == null ? "" : tx.p(100 * (Math.pow(b.total() / a.total(), 1.0 / (y1 - y0)) - 1)));
            }
            out.add(new ReportModel.Table(tx.t("growth.title", name, String.valueOf(y0), String.valueOf(y1)), header,
                    List.of(total, perArea, cagr), 2));
        }
        return out;
    }

    /** Per layer key: its years (layers without a year have none). */
    static Map<String, TreeSet<Integer>> years(List<Assessment.Row> rows) {
        Map<String, TreeSet<Integer>> years = new LinkedHashMap<>();
        for (Assessment.Row x : rows) {
            TreeSet<Integer> ys = years.computeIfAbsent(x.layer(), k -> new TreeSet<>());
            if (x.year() != null) {
                ys.add(x.year());
            }
        }
        return years;
    }

    static Assessment.@Nullable Row find(List<Assessment.Row> rows, String layer, @Nullable Integer year, String cat) {
        return rows.stream().filter(x -> x.layer().equals(layer) && Objects.equals(x.year(), year) && x.category().equals(cat))
                .findFirst().orElse(null);
    }

    private static List<String> line(String layer, String year, String measure, List<String> cats, List<Assessment.Row> lr,
            Function<Assessment.Row, String> f) {
        List<String> l = new ArrayList<>(List.of(layer, year, measure));
        for (String c : cats) {
            l.add(lr.stream().filter(x -> x.category().equals(c)).findFirst().map(f).orElse(""));
        }
        return l;
    }

    /**
     * The {@code n} PAs with the largest total and the {@code n} with the highest value per area, per layer (of a layer
     * with years, the last year).
     */
    public static List<ReportModel.Table> topPas(Assessment.Result r, ReportText tx, int n) {
        List<ReportModel.Table> out = new ArrayList<>();
        Map<String, Integer> lastYear = new LinkedHashMap<>();
        for (Assessment.PaRow x : r.paRows()) {
            lastYear.merge(x.layer(), java.util.Objects.requireNonNullElse(x.year(), Integer.MIN_VALUE), Math::max);
        }
        for (Map.Entry<String, Integer> e : lastYear.entrySet()) {
            Integer year = e.getValue() == Integer.MIN_VALUE ? null : e.getValue();
            List<Assessment.PaRow> rows = r.paRows().stream()
                    .filter(x -> x.layer().equals(e.getKey()) && Objects.equals(x.year(), year) && !Double.isNaN(x.total())).toList();
            if (rows.isEmpty()) {
                continue;
            }
            String name = tx.layer(r.spec(), e.getKey()) + (year == null ? "" : " " + year);
            Assessment.PaRow any = rows.get(0);
            List<String> header = List.of(tx.t("top.rank"), tx.t("top.id"), tx.t("top.name"), tx.t("top.class"),
                    tx.t("top.total", any.totalUnit()), tx.t("top.perArea", any.perAreaUnit()), tx.t("top.area"));
            for (boolean byTotal : new boolean[] {true, false}) {
                Comparator<Assessment.PaRow> order = byTotal ? Comparator.comparingDouble(Assessment.PaRow::total)
                        : Comparator.comparingDouble(Assessment.PaRow::perArea);
                List<Assessment.PaRow> top = rows.stream().filter(x -> !Double.isNaN(byTotal ? x.total() : x.perArea()))
                        .sorted(order.reversed().thenComparing(Assessment.PaRow::paId)).limit(n).toList();
                List<List<String>> body = new ArrayList<>();
                for (int i = 0; i < top.size(); i++) {
                    Assessment.PaRow x = top.get(i);
                    body.add(List.of(String.valueOf(i + 1), x.paId(), x.name() == null ? "" : x.name(),
                            tx.category(r.spec(), x.paClass(), x.paClass()), tx.n(x.total()), tx.n(x.perArea()), tx.n(x.areaKm2())));
                }
                out.add(new ReportModel.Table(tx.t(byTotal ? "top.byTotal" : "top.byDensity", name, String.valueOf(top.size())),
                        header, body, 4));
            }
        }
        return out;
    }

    /** The tables as Markdown (tables.md and the command line). */
    public static String markdown(String title, List<ReportModel.Table> tables, List<String> notes, String notesHeading) {
        StringBuilder b = new StringBuilder("# ").append(title).append("\n\n");
        for (ReportModel.Table t : tables) {
            b.append("## ").append(t.caption()).append("\n\n| ").append(String.join(" | ", t.header())).append(" |\n|");
            for (int i = 0; i < t.header().size(); i++) {
                b.append(i < t.firstNumeric() ? "---|" : "---:|");
            }
            b.append('\n');
            for (List<String> row : t.rows()) {
                b.append("| ").append(row.stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | "))).append(" |\n");
            }
            b.append('\n');
        }
        if (!notes.isEmpty()) {
            b.append("## ").append(notesHeading).append("\n\n");
            for (String w : notes) {
                b.append("- ").append(w).append('\n');
            }
        }
        return b.toString();
    }
}
