package org.pacarbon.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.pacarbon.carbon.core.Assessment;
import org.pacarbon.carbon.core.AssessmentSpec;

/**
 * The report's growth charts (JFreeChart): per layer with several years, the value per area of every category
 * (region, each PA class, all PAs, outside PAs) with the years on the x axis.
 */
final class ReportCharts {
    static final int W = 520, H = 300;
    private static final Color[] COLOURS = {new Color(0x44, 0x44, 0x44), new Color(0xb7, 0x1c, 0x1c), new Color(0x1b, 0x5e, 0x20),
            new Color(0x0d, 0x47, 0xa1), new Color(0x6a, 0x1b, 0x9a), new Color(0xe6, 0x51, 0x00), new Color(0x00, 0x83, 0x8f)};

    private ReportCharts() {
    }

    static List<ReportModel.Drawing> growth(Assessment.Result r, ReportText tx) {
        List<ReportModel.Drawing> out = new ArrayList<>();
        for (String group : AssessmentSpec.GROUPS) {
            List<Assessment.Row> rows = r.rows().stream().filter(x -> x.group().equals(group)).toList();
            for (Map.Entry<String, TreeSet<Integer>> e : ReportTables.years(rows).entrySet()) {
                if (e.getValue().size() < 2) {
                    continue;
                }
                DefaultCategoryDataset data = new DefaultCategoryDataset();
                String unit = "";
                for (String c : r.categories()) {
                    String series = tx.category(r.spec(), c, r.categoryLabels().get(c));
                    for (int y : e.getValue()) {
                        Assessment.Row x = ReportTables.find(rows, e.getKey(), y, c);
                        if (x != null && !Double.isNaN(x.perArea())) {
                            data.addValue(x.perArea(), series, String.valueOf(y));
                            unit = x.perAreaUnit();
                        }
                    }
                }
                String name = tx.layer(r.spec(), e.getKey());
                JFreeChart chart = ChartFactory.createLineChart(tx.t("chart.title", name), tx.t("chart.year"),
                        tx.t("chart.value", unit), data, PlotOrientation.VERTICAL, true, false, false);
                style(chart, tx);
                out.add(new ReportModel.Drawing(tx.t("chart.title", name), W, H,
                        g -> chart.draw(g, new Rectangle2D.Double(0, 0, W, H))));
            }
        }
        return out;
    }

    private static void style(JFreeChart chart, ReportText tx) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xcc, 0xcc, 0xcc));
        plot.getDomainAxis().setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        y.setAutoRangeIncludesZero(false);
        y.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###", java.text.DecimalFormatSymbols.getInstance(tx.locale())));
        LineAndShapeRenderer rend = (LineAndShapeRenderer) plot.getRenderer();
        for (int i = 0; i < plot.getDataset().getRowCount(); i++) {
            rend.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
            rend.setSeriesStroke(i, new BasicStroke(i == 0 ? 2.2f : 1.6f));
            rend.setSeriesShapesVisible(i, true);
        }
    }
}
