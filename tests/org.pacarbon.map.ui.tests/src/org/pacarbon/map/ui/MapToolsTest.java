package org.pacarbon.map.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pacarbon.gis.core.io.GeoTiffWriter;
import org.pacarbon.map.core.MapLayer;
import org.pacarbon.test.ui.Robot;
import org.pacarbon.test.ui.ScreenshotOnFailure;

/** Style dialog, figure export, clipboard and dropped files, driven like a user. */
@ExtendWith(ScreenshotOnFailure.class)
public final class MapToolsTest {
    @TempDir
    Path dir;

    private static int pixel(BufferedImage img, int k, int n) {
        return img.getRGB(img.getWidth() * k / n, img.getHeight() / 2) & 0xffffff;
    }

    @Test
    public void styleExportCopyAndDrop() throws Exception {
        Robot robot = new Robot().withTimeout(Duration.ofSeconds(30));
        MapView map = MapScenes.emptyMap(robot);
        Path tif = dir.resolve("t.tif");
        MapScenes.columns(tif, c -> c < 10 ? 0 : 10);
        map.addRaster(tif, "test raster", "carbon", 0, 10, "kgC/m2");
        map.zoomToFullExtent();
        robot.waitUntil(() -> map.lastRendered() != null && pixel(map.lastRendered(), 7, 8) == 0x004529, "carbon ramp");

        // the style dialog: greys from 0 to 20 -> the right half (10) is mid grey
        LayersView layers = (LayersView) robot.view(LayersView.ID);
        Table table = robot.byData(Table.class, MapView.WIDGET_ID_KEY, LayersView.ID + ".table");
        robot.select(table.getItem(0));
        Robot.ModalHandle h = robot.onModal(s -> StyleDialog.ID.equals(s.getData(MapView.WIDGET_ID_KEY)), shell -> {
            robot.select(robot.byData(Combo.class, MapView.WIDGET_ID_KEY, StyleDialog.ID + ".ramp"), "greys");
            robot.type(robot.byData(Text.class, MapView.WIDGET_ID_KEY, StyleDialog.ID + ".max"), "20", false);
            robot.click(robot.byData(Button.class, MapView.WIDGET_ID_KEY, StyleDialog.ID + ".ok"));
        }, "style dialog");
        robot.click(robot.byData(Button.class, MapView.WIDGET_ID_KEY, LayersView.ID + ".style"));
        h.await();
        MapLayer l = map.layers().get(0);
        assertEquals("greys", l.style().ramp().name());
        assertEquals(20.0, l.style().max());
        robot.waitUntil(() -> pixel(map.lastRendered(), 7, 8) != 0x004529 && (pixel(map.lastRendered(), 7, 8) & 0xff) > 100
                && (pixel(map.lastRendered(), 7, 8) & 0xff) < 160, "mid grey");
        assertEquals(0xffffff, pixel(map.lastRendered(), 1, 8), "0 is white on greys");

        // the export dialog writes a PNG figure and remembers the choices
        robot.view(MapView.ID);
        Path png = dir.resolve("fig.png");
        h = robot.onModal(s -> ExportDialog.ID.equals(s.getData(MapView.WIDGET_ID_KEY)), shell -> {
            robot.type(robot.byData(Text.class, MapView.WIDGET_ID_KEY, ExportDialog.ID + ".title"), "Test figure", false);
            robot.type(robot.byData(Text.class, MapView.WIDGET_ID_KEY, ExportDialog.ID + ".dpi"), "144", false);
            robot.type(robot.byData(Text.class, MapView.WIDGET_ID_KEY, ExportDialog.ID + ".file"), png.toString(), false);
            robot.click(robot.byData(Button.class, MapView.WIDGET_ID_KEY, ExportDialog.ID + ".ok"));
        }, "export dialog");
        map.exportFigure();
        h.await();
        BufferedImage fig = ImageIO.read(png.toFile());
        assertTrue(fig.getWidth() > 1000, "144 dpi is twice the 72-dpi figure: " + fig.getWidth());
        Path svg = dir.resolve("fig.svg");
        h = robot.onModal(s -> ExportDialog.ID.equals(s.getData(MapView.WIDGET_ID_KEY)), shell -> {
            assertEquals("Test figure", robot.byData(Text.class, MapView.WIDGET_ID_KEY, ExportDialog.ID + ".title").getText());
            robot.select(robot.byData(Combo.class, MapView.WIDGET_ID_KEY, ExportDialog.ID + ".format"), "SVG");
            robot.type(robot.byData(Text.class, MapView.WIDGET_ID_KEY, ExportDialog.ID + ".file"), svg.toString(), false);
            robot.click(robot.byData(Button.class, MapView.WIDGET_ID_KEY, ExportDialog.ID + ".ok"));
        }, "export dialog again");
        map.exportFigure();
        h.await();
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg") && text.contains("Test figure"), text.substring(0, Math.min(300, text.length())));

        // copy to the clipboard
        assertTrue(map.copyToClipboard());

        // dropped files: a good one is added, a corrupt one is refused with a message and changes nothing
        Path bad = dir.resolve("broken.tif");
        Files.writeString(bad, "not a tiff");
        int before = map.layers().size();
        h = robot.onModal(s -> s.getText().startsWith("Cannot add broken.tif"), org.eclipse.swt.widgets.Shell::close, "refusal");
        map.dropFiles(new String[] {bad.toString()});
        h.await();
        assertEquals(before, map.layers().size());
        Path outline = dir.resolve("o.geojson");
        Files.writeString(outline, """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:32650"}},"features":[{"type":"Feature",
                 "properties":{},"geometry":{"type":"Polygon","coordinates":[[[505000,4002000],[515000,4002000],[515000,4008000],[505000,4008000],[505000,4002000]]]}}]}
                """);
        map.dropFiles(new String[] {outline.toString()});
        robot.waitForJobs(); // dropped files are read in a job
        assertEquals(before + 1, map.layers().size());
        assertEquals("o.geojson", map.layers().get(map.layers().size() - 1).name());

        // a PA file with a class field is coloured by class: one layer per class
        Path pas = dir.resolve("pas.geojson");
        Files.writeString(pas, """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:32650"}},"features":[
                 {"type":"Feature","properties":{"category":"national_park","name":"Park A (illustrative)"},"geometry":{"type":"Polygon","coordinates":[[[501000,4001000],[503000,4001000],[503000,4003000],[501000,4003000],[501000,4001000]]]}},
                 {"type":"Feature","properties":{"category":"nature_reserve"},"geometry":{"type":"Polygon","coordinates":[[[511000,4001000],[513000,4001000],[513000,4003000],[511000,4003000],[511000,4001000]]]}},
                 {"type":"Feature","properties":{"category":"nature_reserve"},"geometry":{"type":"Polygon","coordinates":[[[515000,4005000],[516000,4005000],[516000,4006000],[515000,4006000],[515000,4005000]]]}}]}
                """);
        map.dropFiles(new String[] {pas.toString()});
        robot.waitForJobs();
        assertEquals(java.util.List.of("pas.geojson: national_park", "pas.geojson: nature_reserve"),
                map.layers().subList(map.layers().size() - 2, map.layers().size()).stream().map(MapLayer::name).toList());
        assertTrue(!map.layers().get(map.layers().size() - 1).stroke().equals(map.layers().get(map.layers().size() - 2).stroke()));
        // identify shows the attributes of the features at the point
        assertTrue(map.identify(502000, 4002000).stream().anyMatch(v -> v.contains("name=Park A (illustrative)")
                && v.contains("category=national_park")), map.identify(502000, 4002000).toString());
        // names become labels, at a point inside the feature
        MapLayer parks = map.layers().get(map.layers().size() - 2);
        assertEquals(1, parks.labels().size());
        assertEquals("Park A", parks.labels().get(0).text());
        assertTrue(parks.geometry().contains(parks.geometry().getFactory().createPoint(
                new org.locationtech.jts.geom.Coordinate(parks.labels().get(0).x(), parks.labels().get(0).y()))));
        // reorder by dragging rows: the bottom row (the raster) to the top
        robot.view(LayersView.ID);
        int rows = table.getItemCount();
        assertEquals("test raster", table.getItem(rows - 1).getText());
        layers.moveRow(rows - 1, 0);
        assertEquals("test raster", table.getItem(0).getText());
        assertEquals("test raster", map.layers().get(map.layers().size() - 1).name(), "now drawn last, on top");
        layers.moveRow(0, rows - 1);
        assertEquals("test raster", map.layers().get(0).name());
        map.remove(map.layers().get(map.layers().size() - 1));
        map.remove(map.layers().get(map.layers().size() - 1));

        // save the map as a document and open it again: same layers, styles and extent
        Path doc = dir.resolve("my.pamap");
        org.locationtech.jts.geom.Envelope shown = map.extent();
        map.saveDocument(doc);
        map.clear();
        map.openDocument(doc, null);
        assertEquals(java.util.List.of("test raster", "o.geojson"), map.layers().stream().map(MapLayer::name).toList());
        assertEquals("greys", map.layers().get(0).style().ramp().name());
        assertEquals(20.0, map.layers().get(0).style().max());
        assertEquals(shown, map.extent());
        layers.setFocus();
    }

    @Test
    public void aRasterInAnotherCrsIsReprojectedForDisplay() throws Exception {
        Robot robot = new Robot().withTimeout(Duration.ofSeconds(30));
        MapView map = MapScenes.emptyMap(robot);
        Path utm = dir.resolve("utm.tif"); // UTM 50N, 500-520 km E, 4000-4010 km N: value 1
        MapScenes.columns(utm, c -> 1);
        Path ll = dir.resolve("ll.tif"); // lon/lat 116.9-117.5 E, 35.9-36.3 N, around the same place (117 E is the central meridian of zone 50): value 7
        GeoTiffWriter.of(60, 40).crs(4326, true).upperLeft(116.9, 36.3).cellSize(0.01, 0.01)
                .write(ll, (r, row) -> java.util.Arrays.fill(row, 7f));
        map.addRaster(utm, "utm raster", "greys", 0, 10, "u");
        MapLayer lonlat = map.addRaster(ll, "ll raster", "carbon", 0, 10, "u");
        assertTrue(lonlat.mapToRaster() != null, "reprojected");
        org.locationtech.jts.geom.Envelope e = lonlat.extent();
        assertTrue(e.getMinX() > 490000 && e.getMinX() < 492000 && e.getMaxX() > 544000 && e.getMaxX() < 546000 && e.getMinY() > 3972000 && e.getMaxY() < 4018000,
                "extent in metres of UTM 50N: " + e);
        assertEquals(java.util.List.of("ll raster: 7 u", "utm raster: 1 u"), map.identify(510000, 4005000));
        map.zoomToFullExtent();
        robot.waitUntil(() -> map.lastRendered() != null && (map.lastRendered().getRGB(map.lastRendered().getWidth() / 2,
                map.lastRendered().getHeight() / 2) & 0xffffff) != 0xe8f0f6, "the reprojected raster drawn");
    }

    @Test
    public void eachVariableOfANetcdfFileIsACatalogEntry() throws Exception {
        Robot robot = new Robot().withTimeout(Duration.ofSeconds(30));
        MapView map = MapScenes.emptyMap(robot);
        CatalogView catalog = (CatalogView) robot.view(CatalogView.ID);
        Path nc = dir.resolve("sectors.nc"); // two variables, EDGAR-style: energy = 3, transport = 5
        double[] lat = {30.05, 30.15, 30.25};
        double[] lon = {110.05, 110.15, 110.25, 110.35};
        new org.pacarbon.gis.core.io.NetcdfWriter().variable("energy").attribute("units", "t/yr").fillValue(-1f)
                .extraVariable("transport", "t/yr", (r, row) -> java.util.Arrays.fill(row, 5f))
                .write(nc, lat, lon, (r, row) -> java.util.Arrays.fill(row, 3f));
        assertEquals(java.util.List.of("energy", "transport"), org.pacarbon.gis.core.raster.SisRasterSource.variables(nc));
        int before = catalog.size();
        CatalogView.Entry first = catalog.open(nc);
        assertEquals("energy", first.variable());
        assertEquals(before + 2, catalog.size());
        CatalogView.addToMap(map, nc, "transport");
        MapLayer l = map.layers().get(map.layers().size() - 1);
        assertEquals("sectors.nc : transport", l.name());
        java.util.List<String> values = map.identify(110.2, 30.2);
        assertEquals(1, values.size());
        assertTrue(values.get(0).startsWith("sectors.nc : transport: 5 "), values.toString()); // the transport variable
        // and the document remembers the variable
        Path doc = dir.resolve("nc.pamap");
        map.saveDocument(doc);
        map.clear();
        map.openDocument(doc, null);
        assertEquals("transport", map.layers().get(0).variable());
    }
}
