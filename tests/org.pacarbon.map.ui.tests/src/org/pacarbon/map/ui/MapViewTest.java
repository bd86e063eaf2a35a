package org.pacarbon.map.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pacarbon.gis.core.io.GeoTiffWriter;
import org.pacarbon.test.ui.Robot;
import org.pacarbon.test.ui.ScreenshotOnFailure;

/** The map view draws its layers in the background and shows them on its canvas. */
@ExtendWith(ScreenshotOnFailure.class)
public final class MapViewTest {
    @TempDir
    Path dir;

    /** The RGB of the rendered map at (k/n of its width, half its height). */
    private static int pixel(BufferedImage img, int k, int n) {
        return img.getRGB(img.getWidth() * k / n, img.getHeight() / 2) & 0xffffff;
    }

    @Test
    public void rasterAndOutlineLayersAreDrawn() throws Exception {
        Robot robot = new Robot().withTimeout(java.time.Duration.ofSeconds(30));
        MapView map = MapScenes.emptyMap(robot);
        assertNotNull(robot.byData(Canvas.class, MapView.WIDGET_ID_KEY, MapView.ID + ".canvas"));
        // left half value 0, right half value 10; on the carbon ramp 0 is pale yellow and 10 dark green
        Path tif = dir.resolve("t.tif");
        MapScenes.columns(tif, c -> c < 10 ? 0 : 10);
        Path outline = dir.resolve("o.geojson");
        Files.writeString(outline, """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:32650"}},"features":[{"type":"Feature",
                 "properties":{},"geometry":{"type":"Polygon","coordinates":[[[505000,4002000],[515000,4002000],[515000,4008000],[505000,4008000],[505000,4002000]]]}}]}
                """);
        map.addRaster(tif, "test raster", "carbon", 0, 10, "kgC/m2");
        map.addVector(outline, "outline", Color.RED, 2f, null);
        map.zoomToFullExtent();
        // renders are asynchronous and a newer one may follow (resizes): wait for the picture itself
        robot.waitUntil(() -> map.lastRendered() != null && pixel(map.lastRendered(), 7, 8) == 0x004529
                && pixel(map.lastRendered(), 2, 8) == 0xff0000, "the raster and the outline to be drawn");
        BufferedImage img = map.lastRendered();
        int y = img.getHeight() / 2;
        int left = img.getRGB(img.getWidth() / 8, y) & 0xffffff;
        int right = img.getRGB(img.getWidth() * 7 / 8, y) & 0xffffff;
        int edge = img.getRGB(img.getWidth() / 4, y) & 0xffffff; // the outline's west edge, x = 505000 of 500000..520000
        assertEquals(0xff0000, edge, Integer.toHexString(edge));
        assertEquals(0xffffe5, left, Integer.toHexString(left)); // first stop of the carbon ramp
        assertEquals(0x004529, right, Integer.toHexString(right)); // last stop
        assertNotEquals(left, right);
        robot.screenshot(Path.of("target", "screenshots", "map-view.png"));
        // identify at a known point: right half of the raster (value 10), inside the outline
        assertEquals(List.of("outline: inside", "test raster: 10 kgC/m2"), map.identify(512500, 4005000));
        assertEquals(List.of("test raster: 0 kgC/m2"), map.identify(500500, 4009500));

        // the Layers view lists the layers top first; unchecking the raster hides it on the map
        robot.view(LayersView.ID);
        Table table = robot.byData(Table.class, MapView.WIDGET_ID_KEY, LayersView.ID + ".table");
        assertEquals(List.of("outline", "test raster"), List.of(table.getItems()).stream().map(TableItem::getText).toList());
        TableItem rasterItem = table.getItem(1);
        rasterItem.setChecked(false);
        Event e = new Event();
        e.item = rasterItem;
        e.detail = SWT.CHECK;
        table.notifyListeners(SWT.Selection, e);
        robot.waitUntil(() -> pixel(map.lastRendered(), 7, 8) == 0xe8f0f6, "the background where the hidden raster was");
        // opacity: the raster shown again at half opacity blends with the background
        TableItem again = table.getItem(1); // the rows were rebuilt when the layer was hidden
        again.setChecked(true);
        Event show = new Event();
        show.item = again;
        show.detail = SWT.CHECK;
        table.notifyListeners(SWT.Selection, show);
        table.setSelection(1);
        org.eclipse.swt.widgets.Scale opacity = robot.byData(org.eclipse.swt.widgets.Scale.class, MapView.WIDGET_ID_KEY, LayersView.ID + ".opacity");
        opacity.setSelection(50);
        opacity.notifyListeners(SWT.Selection, new Event());
        // 0x004529 over 0xe8f0f6 at 50 %: about (0x74, 0x9a, 0x8f)
        robot.waitUntil(() -> {
            int p = pixel(map.lastRendered(), 7, 8);
            return Math.abs((p >> 16) - 0x74) <= 2 && Math.abs((p >> 8 & 0xff) - 0x9a) <= 2 && Math.abs((p & 0xff) - 0x8f) <= 2;
        }, "the raster at half opacity");
        // reorder: the raster goes up, to the top
        table.setSelection(1);
        robot.click(robot.byData(org.eclipse.swt.widgets.Button.class, MapView.WIDGET_ID_KEY, LayersView.ID + ".up"));
        assertEquals("test raster", map.layers().get(1).name());
        assertEquals("test raster", table.getItem(0).getText());
    }

    /**
     * A big raster (4.8 million cells, several per pixel) seen for the first time at full extent: the view shows a coarse preview while its
     * overviews are computed, then the exact picture (left half value 0, right half 10).
     */
    @Test
    public void aBigRasterShowsAPreviewThenTheExactPicture() throws Exception {
        Robot robot = new Robot().withTimeout(java.time.Duration.ofSeconds(60));
        MapView map = MapScenes.emptyMap(robot);
        System.setProperty("pacarbon.cache", dir.resolve("cache").toString()); // no overviews cached from another run
        try {
            Path tif = dir.resolve("big.tif");
            int w = 6000, h = 800; // several cells per pixel at full extent: drawn from overviews
            org.pacarbon.gis.core.io.GeoTiffWriter.of(w, h).crs(32650, false).upperLeft(500000, 4010000).cellSize(100, 100)
                    .write(tif, (r, row) -> {
                        for (int c = 0; c < w; c++) {
                            row[c] = c < w / 2 ? 0 : 10;
                        }
                    });
            int before = map.previewsShown();
            map.addRaster(tif, "big raster", "carbon", 0, 10, "kgC/m2");
            map.zoomToFullExtent();
            robot.waitUntil(() -> map.lastRendered() != null && pixel(map.lastRendered(), 7, 8) == 0x004529
                    && pixel(map.lastRendered(), 1, 8) == 0xffffe5, "the big raster to be drawn");
            assertTrue(map.previewsShown() > before, "no preview was shown before the overviews were made");
        } finally {
            System.clearProperty("pacarbon.cache");
        }
    }

    @Test
    public void aSavedMapOpensAsItWasDrawnAndItsFigureFollowsTheLayerList() throws Exception {
        Robot robot = new Robot().withTimeout(java.time.Duration.ofSeconds(30));
        MapView map = MapScenes.emptyMap(robot);
        // left half 0 (not drawn on a log stretch: the background shows), right half in 4 bands of classes
        Path tif = dir.resolve("e.tif");
        MapScenes.columns(tif, c -> c < 10 ? 0 : Math.pow(10, (c - 10) / 3.0 - 0.5));
        Path outline = dir.resolve("o.geojson");
        Files.writeString(outline, """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:32650"}},"features":[{"type":"Feature",
                 "properties":{},"geometry":{"type":"Polygon","coordinates":[[[505000,4002000],[515000,4002000],[515000,4008000],[505000,4008000],[505000,4002000]]]}}]}
                """);
        map.addVector(outline, "outline", Color.RED, 2f, null);
        org.pacarbon.map.core.MapLayer edgar = map.addRaster(tif, "edgar", "emissions", 0.1, 100, "t");
        edgar.setStyle(new org.pacarbon.map.core.RasterStyle(org.pacarbon.map.core.ColorRamp.preset("emissions"), 0.1, 100, true,
                new double[] {0.1, 1, 10, 100}, "t"));
        edgar.setOpacity(0.8f);
        map.zoomToFullExtent();
        map.changed();
        int[] xs = {1, 3, 11, 13, 15, 17, 19};
        robot.waitUntil(() -> map.lastRendered() != null && pixel(map.lastRendered(), 1, 20) == 0xe8f0f6
                && pixel(map.lastRendered(), 19, 20) != 0xe8f0f6, "the classed raster over the background");
        int[] before = new int[xs.length];
        for (int i = 0; i < xs.length; i++) {
            before[i] = pixel(map.lastRendered(), xs[i], 20);
        }
        // the export follows the layer list: the raster is on top, the outline under it; both are in the legend
        org.pacarbon.map.core.Figure fig = map.figure("t", "", 400, 200);
        assertEquals(List.of("edgar", "outline"), fig.legendEntries());
        assertEquals(List.of("outline", "edgar"), fig.layers().stream().map(org.pacarbon.map.core.Figure.Layer::legendLabel).toList());

        Path doc = dir.resolve("m.pamap");
        map.saveDocument(doc);
        map.clear();
        map.openDocument(doc, null);
        org.pacarbon.map.core.MapLayer back = map.layers().get(1);
        assertEquals("edgar", back.name());
        assertEquals(0.8f, back.opacity(), 1e-6);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0.1, 1, 10, 100}, back.style().breaks(), 0);
        robot.waitUntil(() -> {
            for (int i = 0; i < xs.length; i++) {
                if (map.lastRendered() == null || pixel(map.lastRendered(), xs[i], 20) != before[i]) {
                    return false;
                }
            }
            return true;
        }, "the reopened map drawn as before saving");
    }

    @Test
    public void attributeTableSortsFiltersAndHighlightsTheSelectionOnTheMap() throws Exception {
        Robot robot = new Robot().withTimeout(java.time.Duration.ofSeconds(30));
        MapView map = MapScenes.emptyMap(robot);
        Path pas = dir.resolve("pas.geojson");
        Files.writeString(pas, """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:32650"}},"features":[
                 {"type":"Feature","properties":{"name":"West park","area_km2":24.5},"geometry":{"type":"Polygon","coordinates":[[[500000,4000000],[505000,4000000],[505000,4005000],[500000,4005000],[500000,4000000]]]}},
                 {"type":"Feature","properties":{"name":"East reserve","area_km2":4.25},"geometry":{"type":"Polygon","coordinates":[[[515000,4000000],[520000,4000000],[520000,4005000],[515000,4005000],[515000,4000000]]]}}]}
                """);
        map.addVector(pas, "PAs", Color.RED, 1f, null);
        map.setExtent(new org.locationtech.jts.geom.Envelope(495000, 525000, 3995000, 4010000));
        // opened from the Layers view for the selected layer
        robot.view(LayersView.ID);
        Table layers = robot.byData(Table.class, MapView.WIDGET_ID_KEY, LayersView.ID + ".table");
        layers.setSelection(0);
        robot.click(robot.byData(org.eclipse.swt.widgets.Button.class, MapView.WIDGET_ID_KEY, LayersView.ID + ".attributes"));
        AttributeTableView v = (AttributeTableView) robot.view(AttributeTableView.ID);
        Table rows = robot.byData(Table.class, MapView.WIDGET_ID_KEY, AttributeTableView.ID + ".table");
        assertEquals(List.of("name", "area_km2"), List.of(rows.getColumns()).stream().map(org.eclipse.swt.widgets.TableColumn::getText).toList());
        assertEquals(2, rows.getItemCount());
        // sorted by area with a click on its header: the smaller first
        rows.getColumn(1).notifyListeners(SWT.Selection, new Event());
        assertEquals("East reserve", rows.getItem(0).getText(0));
        assertEquals("4.25", rows.getItem(0).getText(1));
        // the filter narrows the rows
        robot.type(robot.byData(org.eclipse.swt.widgets.Text.class, MapView.WIDGET_ID_KEY, AttributeTableView.ID + ".filter"), "west", false);
        assertEquals(1, rows.getItemCount());
        assertEquals("West park", rows.getItem(0).getText(0));
        // selecting the row highlights the feature on the map; zoom to selection shows it
        robot.select(rows.getItem(0));
        assertNotNull(map.highlight());
        assertEquals(new org.locationtech.jts.geom.Envelope(500000, 505000, 4000000, 4005000), map.highlight().getEnvelopeInternal());
        robot.waitUntil(() -> cyanPixels(map.lastRendered()) > 100, "the highlighted park drawn (cyan over the background)");
        robot.click(robot.byData(org.eclipse.swt.widgets.Button.class, MapView.WIDGET_ID_KEY, AttributeTableView.ID + ".zoom"));
        org.locationtech.jts.geom.Envelope shown = map.extent();
        assertTrue(shown.contains(new org.locationtech.jts.geom.Envelope(500000, 505000, 4000000, 4005000)) && shown.getWidth() < 10000, shown.toString());
        robot.waitUntil(map::upToDate, "the zoomed map drawn");
        // a new extent: until its drawing comes (through the event loop, so not within this call), the picture shown is
        // the old one, placed where it lies in the new extent, and the map says it is not up to date
        map.setExtent(new org.locationtech.jts.geom.Envelope(495000, 525000, 3995000, 4010000));
        assertFalse(map.upToDate());
        robot.waitUntil(map::upToDate, "the wider map drawn");
        map.setExtent(shown);
        robot.waitUntil(map::upToDate, "the zoomed map drawn again");
        robot.screenshot(Path.of("target", "screenshots", "attribute-table.png"));
    }

    /** Pixels of the highlight's cyan fill over the map background. */
    private static int cyanPixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; img != null && y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if ((p >> 16 & 0xff) < 200 && (p >> 8 & 0xff) > 200 && (p & 0xff) > 230) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    public void catalogAddsLayersAndRefusesBrokenFiles() throws Exception {
        Robot robot = new Robot().withTimeout(java.time.Duration.ofSeconds(30));
        MapView map = MapScenes.emptyMap(robot);
        CatalogView catalog = (CatalogView) robot.view(CatalogView.ID);
        Path tif = dir.resolve("carbon.tif");
        GeoTiffWriter.of(8, 8).crs(4326, true).upperLeft(100, 40).cellSize(0.5, 0.5)
                .write(tif, (r, row) -> java.util.Arrays.fill(row, r));
        int before = catalog.size();
        CatalogView.Entry entry = catalog.open(tif);
        assertNotNull(entry);
        assertEquals("8 x 8 cells", entry.size());
        assertEquals(before + 1, catalog.size());
        Table table = robot.byData(Table.class, MapView.WIDGET_ID_KEY, CatalogView.ID + ".table");
        int layers = map.layers().size();
        table.setSelection(table.getItemCount() - 1);
        table.notifyListeners(SWT.DefaultSelection, new Event()); // double-click
        assertEquals(layers + 1, map.layers().size());
        assertEquals("carbon.tif", map.layers().get(map.layers().size() - 1).name());

        Path broken = dir.resolve("broken.tif");
        Files.write(broken, new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0});
        List<String> texts = new java.util.ArrayList<>();
        Robot.ModalHandle dialog = robot.onModal(sh -> sh.getText().contains("broken.tif"), sh -> {
            texts.add(sh.getText());
            sh.close();
        }, "the error about broken.tif");
        assertEquals(null, catalog.open(broken));
        dialog.await();
        assertEquals(before + 1, catalog.size());
        assertEquals(layers + 1, map.layers().size());
    }
}
