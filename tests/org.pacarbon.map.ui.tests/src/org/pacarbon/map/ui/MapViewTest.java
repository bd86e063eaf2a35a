package org.pacarbon.map.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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
        robot.perspective("org.pacarbon.app.perspective.map");
        MapView map = (MapView) robot.view(MapView.ID);
        map.clear();
        assertNotNull(robot.byData(Canvas.class, MapView.WIDGET_ID_KEY, MapView.ID + ".canvas"));
        // left half value 0, right half value 10; on the carbon ramp 0 is pale yellow and 10 dark green
        Path tif = dir.resolve("t.tif");
        GeoTiffWriter.of(20, 10).crs(32650, false).upperLeft(500000, 4010000).cellSize(1000, 1000)
                .write(tif, (r, row) -> {
                    for (int c = 0; c < 20; c++) {
                        row[c] = c < 10 ? 0 : 10;
                    }
                });
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
        assertEquals(List.of("outline: inside", "test raster: 10.00 kgC/m2"), map.identify(512500, 4005000));
        assertEquals(List.of("test raster: 0.000 kgC/m2"), map.identify(500500, 4009500));

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

    @Test
    public void catalogAddsLayersAndRefusesBrokenFiles() throws Exception {
        Robot robot = new Robot().withTimeout(java.time.Duration.ofSeconds(30));
        robot.perspective("org.pacarbon.app.perspective.map");
        MapView map = (MapView) robot.view(MapView.ID);
        map.clear();
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
