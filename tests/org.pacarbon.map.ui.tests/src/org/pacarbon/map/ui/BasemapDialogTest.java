package org.pacarbon.map.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.pacarbon.map.core.MapLayer;
import org.pacarbon.map.core.MapRenderer;
import org.pacarbon.test.ui.Robot;
import org.pacarbon.test.ui.ScreenshotOnFailure;

/**
 * File &gt; Add Basemap through the real dialog: the shipped countries and coastlines (offline) and a tile layer of
 * typed URL go under the data, the tiles at the very bottom; the drawn map shows the tiles at sea and the countries'
 * land colour on land. The tiles are files here (a {@code file:} template); map.core's test fetches them over HTTP.
 */
@ExtendWith(ScreenshotOnFailure.class)
public class BasemapDialogTest {
    private static final int MAGENTA = 0xff00ff;
    private static final int LAND = 0xf1eee6;

    @TempDir
    Path dir;

    @Test
    public void addBasemapPutsCountriesAndTilesUnderTheMap() throws Exception {
        Robot robot = new Robot().withTimeout(Duration.ofSeconds(60));
        MapView map = MapScenes.emptyMap(robot);
        BufferedImage tile = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = tile.createGraphics();
        g.setColor(new Color(MAGENTA));
        g.fillRect(0, 0, 256, 256);
        g.dispose();
        for (int z = 0; z <= 4; z++) { // every tile of the levels a world map of this size can ask for
            for (int x = 0; x < 1 << z; x++) {
                for (int y = 0; y < 1 << z; y++) {
                    Path f = dir.resolve("tiles/" + z + "/" + x + "/" + y + ".png");
                    Files.createDirectories(f.getParent());
                    ImageIO.write(tile, "png", f.toFile());
                }
            }
        }
        String template = dir.resolve("tiles").toUri() + "{z}/{x}/{y}.png";
        Robot.ModalHandle dialog = robot.onModal(s -> s.getText().equals(Messages.BasemapTitle), shell -> {
            Table offers = robot.find(Table.class, w -> (MapView.ID + ".basemap.offers").equals(w.getData(MapView.WIDGET_ID_KEY)), "the offers");
            List<String> checked = java.util.Arrays.stream(offers.getItems()).filter(TableItem::getChecked).map(i -> (String) i.getData()).toList();
            assertEquals(List.of("basemap:countries", "basemap:coastlines"), checked, "the offline basemap is ticked by default");
            Text url = robot.byData(Text.class, MapView.WIDGET_ID_KEY, MapView.ID + ".basemap.url");
            robot.type(url, "https://tiles.example/no-placeholders.png", false);
            assertTrue(!robot.byText(Button.class, "OK").isEnabled(), "a URL without {z}/{x}/{y} is refused");
            robot.type(url, template, false);
            robot.click(robot.byText(Button.class, "OK"));
        }, "the basemap dialog");
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.pacarbon.map.commands.addBasemap", null);
        dialog.await();
        robot.waitForJobs();
        robot.waitUntil(() -> map.layers().size() == 3, "the tiles, countries and coastlines");
        assertEquals(List.of("xyz:" + template, "basemap:countries", "basemap:coastlines"), map.layers().stream().map(MapLayer::service).toList());
        map.setExtent(new Envelope(-180, 180, -80, 80));
        robot.waitUntil(() -> map.lastRendered() != null && map.view() != null && at(map, -30, 0) == MAGENTA && at(map, 134, -25) == LAND,
                "tiles at sea (mid-Atlantic) and the land colour in Australia");
        assertTrue(map.layers().get(0).tiles().problem() == null, String.valueOf(map.layers().get(0).tiles().problem()));
        robot.screenshot(Path.of("target", "screenshots", "map-basemap.png"));
        map.clear();
    }

    /**
     * A map document the user opened or saved is dirty once it changes (the star, File &gt; Save); the workbench's own
     * question saves it (asked here through the page's save-all, as on exit); clearing the map leaves no document.
     */
    @Test
    public void aChangedMapDocumentIsDirtyAndTheWorkbenchAsksToSaveIt() throws Exception {
        Robot robot = new Robot().withTimeout(Duration.ofSeconds(30));
        MapView map = MapScenes.emptyMap(robot);
        org.pacarbon.map.core.LayerSources.add(map.model(), "basemap:graticule");
        assertTrue(!map.isDirty(), "a map of no document is kept by the workbench, not dirty");
        Path doc = dir.resolve("world.pamap");
        map.saveDocument(doc);
        assertTrue(!map.isDirty());
        org.pacarbon.map.core.LayerSources.add(map.model(), "basemap:coastlines");
        robot.flush();
        assertTrue(map.isDirty(), "a layer added after saving");
        String before = Files.readString(doc);
        assertTrue(!before.contains("basemap:coastlines"));
        String old = System.getProperty("pacarbon.map.askOnExit");
        System.setProperty("pacarbon.map.askOnExit", "true");
        try {
            assertTrue(map.isSaveOnCloseNeeded());
            Robot.ModalHandle ask = robot.onModal(s -> s.getText().startsWith("Save"), shell -> robot.click(robot.find(Button.class,
                    b -> List.of("Yes", "OK", "Save").contains(b.getText().replace("&", "")), "the Yes button")), "the question to save");
            assertTrue(map.getSite().getPage().saveAllEditors(true), "saved, not cancelled");
            ask.await();
        } finally {
            if (old == null) {
                System.clearProperty("pacarbon.map.askOnExit");
            } else {
                System.setProperty("pacarbon.map.askOnExit", old);
            }
        }
        assertTrue(!map.isDirty());
        assertTrue(Files.readString(doc).contains("basemap:coastlines"), "the document on disk has the new layer");
        map.clear();
        assertTrue(!map.isDirty() && map.document() == null);
    }

    private static int at(MapView map, double lon, double lat) {
        MapRenderer.View v = map.view();
        BufferedImage img = map.lastRendered();
        int x = (int) Math.floor(v.px(lon)), y = (int) Math.floor(v.py(lat));
        return x < 0 || y < 0 || x >= img.getWidth() || y >= img.getHeight() ? -1 : img.getRGB(x, y) & 0xffffff;
    }
}
