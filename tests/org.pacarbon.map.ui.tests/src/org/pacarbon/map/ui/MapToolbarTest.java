package org.pacarbon.map.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.pacarbon.gis.core.io.GeoTiffWriter;
import org.pacarbon.map.core.MapRenderer;
import org.pacarbon.test.ui.Robot;
import org.pacarbon.test.ui.ScreenshotOnFailure;

/**
 * The Map view's tools, driven like a user through the toolbar and mouse events on the canvas: the tool buttons
 * with their icons, identify into the Identify view, zoom in and out, measuring a length on the ellipsoid, a typed
 * scale, and File &gt; Open Map, Add Data and Recent Maps.
 */
@ExtendWith(ScreenshotOnFailure.class)
public final class MapToolbarTest {
    @TempDir
    Path dir;

    @Test
    public void toolsIdentifyZoomMeasureAndTypedScale() throws Exception {
        Robot robot = new Robot().withTimeout(Duration.ofSeconds(30));
        MapView map = MapScenes.emptyMap(robot);
        Path tif = MapScenes.columns(dir.resolve("t.tif"), c -> c < 10 ? 0 : 10);
        Path outline = dir.resolve("o.geojson");
        Files.writeString(outline, """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:32650"}},"features":[{"type":"Feature",
                 "properties":{"name":"Park A"},"geometry":{"type":"Polygon","coordinates":[[[505000,4002000],[515000,4002000],[515000,4008000],[505000,4008000],[505000,4002000]]]}}]}
                """);
        map.addRaster(tif, "test raster", "carbon", 0, 10, "kgC/m2");
        map.addVector(outline, "outline", Color.RED, 2f, null);
        map.zoomToFullExtent();
        robot.waitUntil(() -> map.lastRendered() != null, "the map drawn");

        // the tools are toolbar buttons with icons, pan checked first
        List<ToolItem> tools = toolItems(robot, map);
        for (String tip : List.of(Messages.ToolPan, Messages.ToolZoomIn, Messages.ToolZoomOut, Messages.ToolIdentify,
                Messages.ToolMeasureLength, Messages.ToolMeasureArea, Messages.ToolSelect)) {
            ToolItem item = tools.stream().filter(t -> tip.equals(t.getToolTipText())).findFirst().orElse(null);
            assertNotNull(item, "tool button " + tip);
            assertNotNull(item.getImage(), "icon of " + tip);
        }
        assertTrue(tool(tools, Messages.ToolPan).getSelection());

        // identify: the values of every layer at the clicked point, in the Identify view; the feature is highlighted
        choose(robot, tools, Messages.ToolIdentify);
        Canvas canvas = robot.byData(Canvas.class, MapView.WIDGET_ID_KEY, MapView.ID + ".canvas");
        click(robot, canvas, map.view(), 512500, 4005000);
        robot.waitForJobs(); // the values are read in a job, then shown
        robot.waitUntil(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().findView(IdentifyView.ID) != null,
                "the Identify view opened");
        IdentifyView identify = (IdentifyView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().findView(IdentifyView.ID);
        List<String> rows = identify.rows().stream().map(r -> r[0] + " = " + r[1]).toList();
        assertEquals(List.of("outline = name=Park A", "test raster = 10 kgC/m2"), rows);
        assertNotNull(map.highlight(), "the identified feature is highlighted");
        // leave the perspective as the other tests expect it: the Identify view takes room from the map
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().hideView(identify);
        robot.flush();

        // zoom in by a click halves the extent about the point; zoom out doubles it
        double before = map.view().extent().getWidth();
        choose(robot, tools, Messages.ToolZoomIn);
        click(robot, canvas, map.view(), 510000, 4005000);
        assertEquals(0.5, map.view().extent().getWidth() / before, 1e-6);
        choose(robot, tools, Messages.ToolZoomOut);
        click(robot, canvas, map.view(), 510000, 4005000);
        assertEquals(1.0, map.view().extent().getWidth() / before, 1e-6);

        // a typed scale: 1:1,000,000 on this screen is canvas width x 0.0254 m / dpi x 10^6 metres across
        Text scale = robot.byData(Text.class, MapView.WIDGET_ID_KEY, MapView.ID + ".scale");
        robot.type(scale, "1:1,000,000", true);
        double dpi = canvas.getDisplay().getDPI().x;
        double expected = canvas.getSize().x * 0.0254 / dpi * 1e6;
        assertEquals(1, map.view().extent().getWidth() / expected, 1e-3);
        robot.type(scale, "not a scale", true);
        assertEquals(1, map.view().extent().getWidth() / expected, 1e-3); // unchanged

        // the map's CRS: the chooser offers WGS 84 first; choosing it draws the UTM layers in lon/lat at the same place
        ToolItem crsButton = tools.stream().filter(t -> Messages.CrsTip.equals(t.getToolTipText())).findFirst().orElseThrow();
        Robot.ModalHandle crsDialog = robot.onModal(s -> s.getText().equals(Messages.CrsTitle), shell -> {
            org.eclipse.swt.widgets.Table t = robot.find(org.eclipse.swt.widgets.Table.class,
                    w -> (MapView.ID + ".crs.table").equals(w.getData(MapView.WIDGET_ID_KEY)), "the CRS list");
            assertTrue(t.getItem(0).getText(1).equals("EPSG:4326") && List.of(t.getItems()).stream().anyMatch(i -> i.getText(1).equals("EPSG:4490")));
            t.setSelection(0);
            robot.click(robot.byText(org.eclipse.swt.widgets.Button.class, Messages.CrsApply));
        }, "the CRS chooser");
        crsButton.notifyListeners(SWT.Selection, new Event());
        crsDialog.await();
        assertTrue(org.pacarbon.gis.core.crs.CrsSupport.isGeographic(map.crs()), "the map is in lon/lat");
        assertEquals(2, map.layers().size());
        assertTrue(map.extent().getWidth() < 10 && map.extent().centre().x > 116 && map.extent().centre().x < 118, map.extent().toString());

        // measure: on a lon/lat map, 30 N to 31 N along a meridian is 110 861 m on WGS 84 (the meridian radius of
        // curvature integrated by hand); pixels put the clicks within about a pixel of those points
        Path geo = dir.resolve("geo.tif");
        GeoTiffWriter.of(40, 40).crs(4326, true).upperLeft(99, 32).cellSize(0.05, 0.05).write(geo, (r, row) -> java.util.Arrays.fill(row, 1f));
        map.clear();
        map.addRaster(geo, "geo", "carbon", 0, 2, "");
        map.setExtent(new Envelope(99, 101, 29.5, 31.5));
        robot.waitUntil(() -> map.view() != null, "the map");
        choose(robot, tools, Messages.ToolMeasureLength);
        MapRenderer.View v = map.view();
        click(robot, canvas, v, 100, 30);
        click(robot, canvas, v, 100, 31);
        doubleClick(robot, canvas, v, 100, 31);
        double metresPerPixel = v.extent().getHeight() / v.height() * 111_000;
        assertEquals(110_861, map.tools().measured(), 2 * metresPerPixel);
        assertTrue(map.tools().measurement().startsWith(Messages.MeasureLength), map.tools().measurement());
        robot.screenshot(Path.of("target", "screenshots", "map-measure.png"));
        choose(robot, tools, Messages.ToolPan);
        map.clear();
    }

    @Test
    public void fileMenuOpensAddsAndRemembersMaps() throws Exception {
        Robot robot = new Robot().withTimeout(Duration.ofSeconds(30));
        MapView map = MapScenes.emptyMap(robot);
        Path tif = MapScenes.columns(dir.resolve("t.tif"), c -> c);
        map.addRaster(tif, "t", "carbon", 0, 20, "");
        Path doc = dir.resolve("saved.pamap");
        map.saveDocument(doc);
        assertEquals(doc.toAbsolutePath().normalize(), RecentMaps.list().get(0), "a saved map is the most recent");
        List<String> file = fileMenu(robot);
        assertTrue(file.stream().anyMatch(s -> s.startsWith("Open Map")), file.toString());
        assertTrue(file.stream().anyMatch(s -> s.startsWith("Add Data")), file.toString());
        assertTrue(file.stream().anyMatch(s -> s.startsWith("Recent Maps")), file.toString());
        // opening a map in the background replaces the layers when it is read
        map.clear();
        MapJobs.open(map, doc);
        robot.waitForJobs();
        robot.waitUntil(() -> map.layers().size() == 1, "the map document's layer");
        assertEquals("t", map.layers().get(0).name());
        // a damaged document: a message naming it, the map as it was
        Path bad = dir.resolve("bad.pamap");
        Files.writeString(bad, "{ not json");
        Robot.ModalHandle h = robot.onModal(s -> s.getText().equals(Messages.OpenMap), org.eclipse.swt.widgets.Shell::close, "refusal");
        MapJobs.open(map, bad);
        h.await();
        assertEquals(1, map.layers().size());
        map.clear();
    }

    private static List<ToolItem> toolItems(Robot robot, MapView map) {
        List<ToolItem> out = new ArrayList<>();
        for (ToolBar tb : robot.display().getActiveShell() == null ? List.<ToolBar>of() : allToolBars(robot.display().getActiveShell())) {
            for (ToolItem i : tb.getItems()) {
                out.add(i);
            }
        }
        return out;
    }

    private static List<ToolBar> allToolBars(org.eclipse.swt.widgets.Control c) {
        List<ToolBar> out = new ArrayList<>();
        if (c instanceof ToolBar tb) {
            out.add(tb);
        }
        if (c instanceof org.eclipse.swt.widgets.Composite comp) {
            for (org.eclipse.swt.widgets.Control child : comp.getChildren()) {
                out.addAll(allToolBars(child));
            }
        }
        return out;
    }

    private static ToolItem tool(List<ToolItem> tools, String tip) {
        return tools.stream().filter(t -> tip.equals(t.getToolTipText())).findFirst().orElseThrow();
    }

    /** Clicks a radio tool button as a user does: it becomes the only one checked. */
    private static void choose(Robot robot, List<ToolItem> tools, String tip) {
        ToolItem item = tool(tools, tip);
        for (ToolItem t : item.getParent().getItems()) {
            if ((t.getStyle() & SWT.RADIO) != 0) {
                t.setSelection(t == item);
            }
        }
        item.notifyListeners(SWT.Selection, new Event());
        robot.flush();
    }

    private static void click(Robot robot, Canvas canvas, MapRenderer.View v, double x, double y) {
        mouse(canvas, SWT.MouseDown, v, x, y, 1);
        mouse(canvas, SWT.MouseUp, v, x, y, 1);
        robot.flush();
    }

    private static void doubleClick(Robot robot, Canvas canvas, MapRenderer.View v, double x, double y) {
        mouse(canvas, SWT.MouseDoubleClick, v, x, y, 2);
        robot.flush();
    }

    private static void mouse(Canvas canvas, int type, MapRenderer.View v, double x, double y, int count) {
        Event e = new Event();
        e.x = (int) Math.round(v.px(x));
        e.y = (int) Math.round(v.py(y));
        e.button = 1;
        e.count = count;
        canvas.notifyListeners(type, e);
    }

    private static List<String> fileMenu(Robot robot) {
        List<String> out = new ArrayList<>();
        MenuItem[] bar = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().getMenuBar().getItems();
        for (MenuItem top : bar) {
            if (top.getText().replace("&", "").startsWith("File") || top.getText().contains("(&F)")) {
                Menu m = top.getMenu();
                m.notifyListeners(SWT.Show, new Event());
                for (MenuItem i : m.getItems()) {
                    out.add(i.getText().replace("&", "").split("\t")[0]);
                }
                m.notifyListeners(SWT.Hide, new Event());
            }
        }
        return out;
    }
}
