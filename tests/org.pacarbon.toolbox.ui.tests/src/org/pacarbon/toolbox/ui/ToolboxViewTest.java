package org.pacarbon.toolbox.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.swt.widgets.Widget;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pacarbon.app.AppIds;
import org.pacarbon.test.ui.Robot;
import org.pacarbon.test.ui.ScreenshotOnFailure;
import org.pacarbon.toolbox.core.Param;
import org.pacarbon.toolbox.core.Progress;
import org.pacarbon.toolbox.core.Tool;
import org.pacarbon.toolbox.core.ToolDescriptor;
import org.pacarbon.toolbox.core.ToolException;
import org.pacarbon.toolbox.core.ToolRegistry;
import org.pacarbon.toolbox.core.ToolResult;
import org.pacarbon.toolbox.core.ToolValues;

/** The toolbox driven like a user: find a tool, fill its form, run, see results and the map layer, re-run, cancel. */
@ExtendWith(ScreenshotOnFailure.class)
public final class ToolboxViewTest {
    @TempDir
    Path dir;

    @AfterEach
    void unregister() {
        ToolRegistry.unregister("test.slow");
    }

    private static <T extends Widget> T in(Robot robot, Class<T> type, String id) {
        return robot.byData(type, ToolboxView.WIDGET_ID_KEY, id);
    }

    private static List<TreeItem> items(Tree tree) {
        List<TreeItem> out = new ArrayList<>();
        for (TreeItem c : tree.getItems()) {
            out.add(c);
            for (TreeItem t : c.getItems()) {
                if (t.getData() != null) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private static TreeItem item(Tree tree, String text) {
        return items(tree).stream().filter(i -> i.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no tool '" + text + "' in " + items(tree).stream().map(TreeItem::getText).toList()));
    }

    private ToolboxView toolbox(Robot robot) {
        robot.perspective(AppIds.PERSPECTIVE_ASSESSMENT);
        ToolboxView v = (ToolboxView) robot.view(ToolboxView.ID);
        robot.type(robot.byData(Text.class, ToolboxView.WIDGET_ID_KEY, ToolboxView.ID + ".search"), "", false);
        v.reloadTools();
        return v;
    }

    @Test
    public void findFillRunSeeResultsAndRunAgain() throws Exception {
        Files.writeString(dir.resolve("factors.csv"), "activity,unit,kgco2e_per_unit\nelectricity,kWh,0.5\nvisitors,person,2\n");
        Files.writeString(dir.resolve("act.csv"), "pa_id,year,activity,amount,unit\nNP1,2019,electricity,2000,kWh\n"
                + "NP1,2020,electricity,3000,kWh\nNP1,2020,visitors,500,person\nNR2,2020,visitors,100,person\n");
        Robot robot = new Robot().withTimeout(Duration.ofSeconds(30));
        ToolboxView v = toolbox(robot);
        int before = v.runs().size(); // runs of earlier sessions in this workspace are in the history too
        Tree tree = in(robot, Tree.class, ToolboxView.ID + ".tree");
        List<String> names = items(tree).stream().map(TreeItem::getText).toList();
        assertTrue(names.containsAll(List.of("Carbon assessment", "Gap analysis", "Synergy zoning", "PA emission inventory",
                "Trend analysis", "Per-PA ranking", "Vulnerable SOC derivation", "Examples", "Area above a value")), names.toString());

        // the search box narrows the tree
        robot.type(in(robot, Text.class, ToolboxView.ID + ".search"), "inventory", false);
        assertEquals(List.of("Carbon assessment", "PA emission inventory"), items(tree).stream().map(TreeItem::getText).toList());

        // open it (Enter), fill the form, run
        robot.select(item(tree, "PA emission inventory"), true);
        assertEquals("PA emission inventory  (carbon.inventory)", in(robot, Label.class, ToolboxView.ID + ".title").getText());
        Text activities = in(robot, Text.class, ToolForm.ID + ".activities");
        robot.type(activities, dir.resolve("nothing.csv").toString(), false);
        Label problem = in(robot, Label.class, ToolForm.ID + ".activities.problem");
        assertTrue(problem.getText().contains("does not exist"), problem.getText());
        robot.type(activities, dir.resolve("act.csv").toString(), false);
        assertEquals("", problem.getText());
        robot.type(in(robot, Text.class, ToolForm.ID + ".factors"), dir.resolve("factors.csv").toString(), false);
        robot.click(in(robot, Button.class, ToolboxView.ID + ".run"));
        robot.waitUntil(() -> !v.running(), "the run to end");
        robot.flush();
        assertEquals("done", v.runs().get(0).status);

        // the results view shows the tables; the first one has the rows by PA, year and activity
        ResultsView results = (ResultsView) robot.view(ResultsView.ID);
        Table t0 = in(robot, Table.class, ResultsView.ID + ".table.0");
        assertEquals(4, t0.getItemCount());
        assertEquals("emissions (t CO2e)", t0.getColumn(6).getText());
        assertEquals("1", t0.getItem(0).getText(6)); // NP1 2019 electricity: 2000 kWh x 0.5 kg = 1 t (read as "1")
        CTabFolder tabs = in(robot, CTabFolder.class, ResultsView.ID + ".tabs");
        tabs.setSelection(1);
        robot.flush();
        Table t1 = in(robot, Table.class, ResultsView.ID + ".table.1");
        assertEquals("2.5", t1.getItem(1).getText(2)); // NP1 2020: 1.5 + 1 t
        assertTrue(ResultsView.tsv(t1).startsWith("pa_id\tyear\temissions (t CO2e)\t"), ResultsView.tsv(t1));
        // sort by emissions, largest first
        Event click = new Event();
        t1.getColumn(2).notifyListeners(SWT.Selection, click); // ascending
        t1.getColumn(2).notifyListeners(SWT.Selection, click); // descending
        assertEquals("2.5", t1.getItem(0).getText(2));
        assertTrue(List.of(tabs.getItems()).stream().anyMatch(i -> i.getText().startsWith("Chart:")));
        assertTrue(Files.isRegularFile(v.runs().get(0).resultsDir.resolve("emissions_per_pa_and_year.csv")));
        assertTrue(Files.isRegularFile(v.runs().get(0).resultsDir.resolve("run.json")));

        // the history: run again, and edit and run again
        Table history = in(robot, Table.class, ToolboxView.ID + ".history");
        assertEquals(before + 1, history.getItemCount());
        // the run is in the history of the next session too (read back from its run.json)
        List<RunRecord> next = RunHistory.load(ToolboxView.runsDir());
        assertEquals(v.runs().get(0).resultsDir, next.get(0).resultsDir);
        assertEquals(v.runs().get(0).params, next.get(0).params);
        assertEquals("carbon.inventory", next.get(0).toolId);
        robot.select(history.getItem(0));
        robot.click(in(robot, Button.class, ToolboxView.ID + ".rerun"));
        robot.waitUntil(() -> !v.running() && v.runs().size() == before + 2, "the second run");
        robot.flush();
        assertEquals("done", v.runs().get(0).status);
        assertEquals(v.runs().get(1).params, v.runs().get(0).params);
        robot.select(history.getItem(1));
        robot.click(in(robot, Button.class, ToolboxView.ID + ".edit"));
        assertEquals(dir.resolve("act.csv").toString(), in(robot, Text.class, ToolForm.ID + ".activities").getText());

        // bad input: the message says what is wrong, no dialog
        Files.writeString(dir.resolve("bad.csv"), "pa_id,year,activity,amount,unit\nNP1,2020,helicopter,3,hours\n");
        robot.type(in(robot, Text.class, ToolForm.ID + ".activities"), dir.resolve("bad.csv").toString(), false);
        robot.click(in(robot, Button.class, ToolboxView.ID + ".run"));
        robot.waitUntil(() -> !v.running() && v.runs().size() == before + 3, "the failing run");
        robot.flush();
        assertTrue(in(robot, Label.class, ToolboxView.ID + ".message").getText().contains("no emission factor for 'helicopter'"));
        assertTrue(v.runs().get(0).status.startsWith("failed"));
    }

    @Test
    public void theFieldsOfAVectorFileAreOfferedAfterABackgroundRead() throws Exception {
        Files.writeString(dir.resolve("regions.geojson"), """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:32650"}},"features":[{"type":"Feature",
                 "properties":{"name":"A","province":"P"},"geometry":{"type":"Polygon","coordinates":[[[500000,4000000],[501000,4000000],
                 [501000,4001000],[500000,4001000],[500000,4000000]]]}}]}
                """);
        Robot robot = new Robot().withTimeout(Duration.ofSeconds(30));
        ToolboxView v = toolbox(robot);
        v.open("carbon.gap", Map.of("regions", dir.resolve("regions.geojson").toString()));
        org.eclipse.swt.widgets.Combo field = in(robot, org.eclipse.swt.widgets.Combo.class, ToolForm.ID + ".region-field");
        robot.waitUntil(() -> List.of(field.getItems()).equals(List.of("name", "province")), "the region file's fields in the list");
    }

    /** A tool that works for a minute unless cancelled. */
    public static final class SlowTool implements Tool {
        @Override
        public String help() {
            return "Sleeps, checking for cancel.";
        }

        @Override
        public List<Param> params() {
            return List.of(Param.of("seconds", "Seconds", Param.Type.NUMBER, "how long").withDefault("60"));
        }

        @Override
        public ToolResult run(ToolValues v, Progress progress) throws ToolException {
            int steps = (int) (v.number("seconds") * 20);
            progress.begin("Sleeping", steps);
            for (int i = 0; i < steps; i++) {
                progress.checkCancelled();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    throw new ToolException.Cancelled();
                }
                progress.worked(1);
            }
            return new ToolResult().add("slept");
        }
    }

    @Test
    public void aLongRunShowsProgressAndStopsOnCancel() throws Exception {
        ToolRegistry.register(new ToolDescriptor("test.slow", "Slow test tool", "Tests", "", "tests", SlowTool::new));
        Robot robot = new Robot().withTimeout(Duration.ofSeconds(30));
        ToolboxView v = toolbox(robot);
        int before = v.runs().size(); // runs of earlier sessions in this workspace are in the history too
        Tree tree = in(robot, Tree.class, ToolboxView.ID + ".tree");
        robot.select(item(tree, "Slow test tool"), true);
        robot.click(in(robot, Button.class, ToolboxView.ID + ".run"));
        org.eclipse.swt.widgets.ProgressBar bar = in(robot, org.eclipse.swt.widgets.ProgressBar.class, ToolboxView.ID + ".progress");
        robot.waitUntil(() -> bar.getSelection() >= 1, "progress");
        assertTrue(v.running());
        long t0 = System.nanoTime();
        robot.click(in(robot, Button.class, ToolboxView.ID + ".cancel"));
        robot.waitUntil(() -> !v.running(), "the cancelled run to end");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        robot.flush();
        assertEquals("cancelled", v.runs().get(0).status);
        assertEquals("Cancelled.", in(robot, Label.class, ToolboxView.ID + ".message").getText());
        System.out.println("ToolboxViewTest: cancel took " + ms + " ms");
        assertTrue(ms < 5000, "cancel took " + ms + " ms");
    }

    @Test
    public void aResultRasterGoesOnTheMapAndTheFullDemoAssessmentRuns() throws Exception {
        Robot robot = new Robot().withTimeout(Duration.ofSeconds(120));
        ToolboxView v = toolbox(robot);
        IWorkbenchPage page = robot.page();
        org.pacarbon.map.ui.MapView map = (org.pacarbon.map.ui.MapView) robot.view("org.pacarbon.views.map");
        map.clear();
        // the demo data (illustrative) and its full assessment, as a user would run it
        org.pacarbon.cli.demo.DemoData.generate(dir.resolve("data"));
        v.open("carbon.assess", Map.of("spec", dir.resolve("data/spec.json").toString(), "out", dir.resolve("assessed").toString()));
        robot.click(in(robot, Button.class, ToolboxView.ID + ".run"));
        robot.waitUntil(() -> !v.running(), "the assessment");
        robot.flush();
        assertEquals("done", v.runs().get(0).status, in(robot, Label.class, ToolboxView.ID + ".message").getText());
        assertTrue(Files.isRegularFile(dir.resolve("assessed/provenance.json")));

        // gap analysis of the demo biomass: its hotspot raster lands on the map
        map.addRaster(dir.resolve("data/biomass_2010.tif"), "Biomass carbon", "carbon", 0, 20, "kgC/m2");
        v.open("carbon.gap", Map.of("layer", dir.resolve("data/biomass_2010.tif").toString(), "pas",
                dir.resolve("data/pas.gpkg").toString(), "top-percent", "10", "out", dir.resolve("gap.tif").toString()));
        robot.click(in(robot, Button.class, ToolboxView.ID + ".run"));
        robot.waitUntil(() -> !v.running(), "the gap analysis");
        robot.flush();
        assertEquals("done", v.runs().get(0).status, in(robot, Label.class, ToolboxView.ID + ".message").getText());
        robot.waitUntil(() -> map.layers().stream().anyMatch(l -> l.name().equals("Gap hotspots")), "the hotspot layer");
        Table t0 = in(robot, Table.class, ResultsView.ID + ".table.0");
        assertEquals("high-value area outside PAs (gap)", t0.getItem(4).getText(0));
        // the ranking: selecting a PA's row zooms the map to it
        v.open("carbon.rank", Map.of("spec", dir.resolve("data/spec.json").toString(), "layer", "biomass"));
        // the layer key is chosen from the spec's layers (it was free text: one had to know the spec's keys)
        org.eclipse.swt.widgets.Combo layerKey = in(robot, org.eclipse.swt.widgets.Combo.class, ToolForm.ID + ".layer");
        robot.waitUntil(() -> layerKey.getItemCount() > 0, "the spec's layer keys in the list");
        assertEquals(List.of("biomass", "vsoc", "ecosystem", "npp", "co2"), List.of(layerKey.getItems())); // the demo spec's keys
        assertEquals("biomass", layerKey.getText());
        robot.click(in(robot, Button.class, ToolboxView.ID + ".run"));
        robot.waitUntil(() -> !v.running(), "the ranking");
        robot.flush();
        assertEquals("done", v.runs().get(0).status, in(robot, Label.class, ToolboxView.ID + ".message").getText());
        Table ranking = in(robot, Table.class, ResultsView.ID + ".table.0");
        assertEquals("1", ranking.getItem(0).getText(0));
        // the ranking chart shows the largest 25 bars (of every PA), which leaves their names readable
        CTabFolder rankTabs = in(robot, CTabFolder.class, ResultsView.ID + ".tabs");
        for (int i = 0; i < rankTabs.getItemCount(); i++) {
            if (rankTabs.getItem(i).getText().startsWith("Chart:")) {
                rankTabs.setSelection(i);
            }
        }
        robot.flush();
        org.eclipse.swt.widgets.Canvas chartCanvas = in(robot, org.eclipse.swt.widgets.Canvas.class, ResultsView.ID + ".chart");
        String chartTitle = (String) chartCanvas.getData("title");
        assertTrue(chartTitle.endsWith("(top 25 of " + ranking.getItemCount() + ")"), chartTitle);
        assertEquals(25, chartCanvas.getData("categories"));
        robot.select(ranking.getItem(0));
        ResultsView results = (ResultsView) robot.view(ResultsView.ID);
        assertTrue(results.lastZoom != null, "the map was asked to zoom");
        assertEquals(results.lastZoom, map.extent());
        assertTrue(map.extent().getWidth() < 40, "zoomed in to one PA: " + map.extent());

        // the gap analysis again, its output given as a relative name (the tool's default style): it goes to the
        // output folder of the preferences, not to the program's working folder (the install folder of a desktop start)
        org.eclipse.core.runtime.preferences.IEclipsePreferences prefs =
                org.eclipse.core.runtime.preferences.InstanceScope.INSTANCE.getNode("org.pacarbon.app");
        String old = prefs.get("outputFolder", null);
        prefs.put("outputFolder", dir.resolve("prefout").toString());
        try {
            v.open("carbon.gap", Map.of("layer", dir.resolve("data/biomass_2010.tif").toString(), "pas",
                    dir.resolve("data/pas.gpkg").toString(), "top-percent", "10", "out", "gap2_relative.tif"));
            robot.click(in(robot, Button.class, ToolboxView.ID + ".run"));
            robot.waitUntil(() -> !v.running(), "the gap analysis");
        } finally {
            if (old == null) {
                prefs.remove("outputFolder");
            } else {
                prefs.put("outputFolder", old);
            }
        }
        assertTrue(Files.isRegularFile(dir.resolve("prefout/gap2_relative.tif")), "output in the preference's folder");
        assertTrue(!Files.exists(ToolboxView.cwd().resolve("gap2_relative.tif")), "nothing in the working folder");
        robot.waitUntil(() -> map.layers().stream().filter(l -> l.name().equals("Gap hotspots")).count() == 2, "the second layer");
        map.remove(map.layers().stream().filter(l -> l.name().equals("Gap hotspots")).findFirst().orElseThrow());
        map.setExtent(new org.locationtech.jts.geom.Envelope(73, 135, 17, 54));
        page.getWorkbenchWindow().getShell().setBounds(page.getWorkbenchWindow().getShell().getDisplay().getBounds());
        robot.flush();
        // the screenshot used to show the zoomed-in picture of one PA under China's scale (taken before the drawing came)
        robot.waitUntil(map::upToDate, "the map drawn at China's extent");
        robot.flush();
        robot.screenshot(Path.of("target", "screenshots", "assessment-perspective.png"));
    }
}
