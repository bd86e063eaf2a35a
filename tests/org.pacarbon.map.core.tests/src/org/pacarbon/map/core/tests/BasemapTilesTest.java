package org.pacarbon.map.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.map.core.Basemap;
import org.pacarbon.map.core.LayerSource;
import org.pacarbon.map.core.LayerSources;
import org.pacarbon.map.core.MapLayer;
import org.pacarbon.map.core.MapModel;
import org.pacarbon.map.core.MapRenderer;
import org.pacarbon.map.core.XyzTiles;

/**
 * The offline basemap (Natural Earth countries, coastlines, graticule) and XYZ tiles fetched from a tile server this
 * test starts on loopback: which tile lands where is worked out with the slippy-map formulas (OpenStreetMap wiki), not
 * with the code under test.
 */
class BasemapTilesTest {
    @TempDir
    Path dir;

    /** The colour of tile z/x/y as the test server draws it. */
    static int colour(int z, int x, int y) {
        return new Color(10 + (60 * x) % 240, 10 + (60 * y) % 240, 10 + 40 * z).getRGB();
    }

    /** A minimal HTTP/1.1 server of PNG tiles on 127.0.0.1: every request's path is logged; "/404/..." is not found. */
    static final class TileServer implements AutoCloseable {
        final ServerSocket socket;
        final List<String> requests = new CopyOnWriteArrayList<>();
        private final Thread thread;

        TileServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(this::serve, "test tile server");
            thread.setDaemon(true);
            thread.start();
        }

        String template() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/{z}/{x}/{y}.png";
        }

        private void serve() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    new Thread(() -> answer(s)).start();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        private void answer(Socket s) {
            try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                    OutputStream out = s.getOutputStream()) {
                String line = in.readLine();
                for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
                    // headers are not needed
                }
                String path = line == null ? "" : line.split(" ")[1];
                requests.add(path);
                Matcher m = Pattern.compile("/(\\d+)/(\\d+)/(\\d+)\\.png").matcher(path);
                byte[] body;
                String status;
                if (m.matches()) {
                    BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
                    Graphics2D g = img.createGraphics();
                    g.setColor(new Color(colour(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))));
                    g.fillRect(0, 0, 256, 256);
                    g.dispose();
                    ByteArrayOutputStream png = new ByteArrayOutputStream();
                    ImageIO.write(img, "png", png);
                    body = png.toByteArray();
                    status = "200 OK";
                } else {
                    body = "no such tile".getBytes(StandardCharsets.US_ASCII);
                    status = "404 Not Found";
                }
                out.write(("HTTP/1.1 " + status + "\r\nContent-Type: image/png\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // the client went away
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Slippy-map tile of a lon/lat at zoom z (OpenStreetMap wiki, "Slippy map tilenames"). */
    static int[] tileOf(double lon, double lat, int z) {
        int n = 1 << z;
        double latR = Math.toRadians(lat);
        int x = (int) Math.floor((lon + 180) / 360 * n);
        int y = (int) Math.floor((1 - Math.log(Math.tan(latR) + 1 / Math.cos(latR)) / Math.PI) / 2 * n);
        return new int[] {x, y};
    }

    @Test
    void tilesOnAWebMercatorViewComeFromTheServerOnceEach() throws Exception {
        try (TileServer server = new TileServer()) {
            XyzTiles tiles = new XyzTiles(server.template(), 19, dir.resolve("cache"));
            double half = Math.PI * 6378137.0;
            // the whole square 512 px wide: 2 tiles of 256 px across, so level 1 (tiles 0..1 x 0..1)
            MapRenderer.View v = new MapRenderer.View(new Envelope(-half, half, -half, half), 512, 512);
            CoordinateReferenceSystem merc = CrsSupport.parse("EPSG:3857", null);
            BufferedImage img = tiles.render(v, merc);
            assertEquals(Set.of("/1/0/0.png", "/1/1/0.png", "/1/0/1.png", "/1/1/1.png"), Set.copyOf(server.requests));
            assertEquals(colour(1, 0, 0), img.getRGB(100, 100)); // north-west
            assertEquals(colour(1, 1, 0), img.getRGB(400, 100)); // north-east
            assertEquals(colour(1, 0, 1), img.getRGB(100, 400)); // south-west
            assertEquals(colour(1, 1, 1), img.getRGB(400, 400));
            assertNull(tiles.problem());
            // drawn again: from memory; by a new layer of the same service: from the disk cache
            tiles.render(v, merc);
            new XyzTiles(server.template(), 19, dir.resolve("cache")).render(v, merc);
            assertEquals(4, server.requests.size(), server.requests.toString());
        }
    }

    @Test
    void tilesOnALonLatMapLandWhereTheSlippyFormulasSay() throws Exception {
        try (TileServer server = new TileServer()) {
            XyzTiles tiles = new XyzTiles(server.template(), 19, null);
            // East Asia in lon/lat, 600 x 400 px
            MapRenderer.View v = new MapRenderer.View(new Envelope(90, 135, 15, 45), 600, 400);
            BufferedImage img = tiles.render(v, CrsSupport.lonLat());
            int z = Integer.parseInt(server.requests.get(0).split("/")[1]);
            assertTrue(server.requests.stream().allMatch(r -> r.startsWith("/" + z + "/")), "one level: " + server.requests);
            assertTrue(z >= 3 && z <= 5, "a level with tiles about the size of the pixels: " + z); // 45 deg / 600 px ~ level 4
            for (double[] p : new double[][] {{116.4, 39.9}, {100.5, 18.2}, {121.5, 25.0}, {130.9, 30.1}}) {
                int[] t = tileOf(p[0], p[1], z);
                int px = (int) Math.floor((p[0] - 90) / 45 * 600), py = (int) Math.floor((45 - p[1]) / 30 * 400);
                assertEquals(colour(z, t[0], t[1]), img.getRGB(px, py), "tile " + z + "/" + t[0] + "/" + t[1] + " at " + p[0] + ", " + p[1]);
            }
        }
    }

    @Test
    void withoutTheServerTheLayerIsEmptyAndSaysWhy() throws Exception {
        String template;
        try (TileServer server = new TileServer()) {
            template = server.template();
        } // closed: nobody answers on that port
        XyzTiles tiles = new XyzTiles(template, 19, null);
        BufferedImage img = tiles.render(new MapRenderer.View(new Envelope(0, 10, 40, 50), 64, 64), CrsSupport.lonLat());
        assertEquals(0, img.getRGB(32, 32) >>> 24, "transparent where no tile came");
        assertNotNull(tiles.problem());
        assertTrue(tiles.problem().contains("127.0.0.1"), tiles.problem());
        GisException bad = assertThrows(GisException.class, () -> new XyzTiles("https://tiles.example/a/b.png", 19, null));
        assertTrue(bad.getMessage().contains("{z}"), bad.getMessage());
    }

    @Test
    void basemapCountriesCoastlinesAndGraticuleWorkOffline() throws Exception {
        List<String> offered = LayerSources.offers().stream().map(LayerSource.Offer::uri).toList();
        assertTrue(offered.containsAll(List.of("basemap:countries", "basemap:coastlines", "basemap:graticule")), offered.toString());
        MapModel map = new MapModel();
        MapLayer countries = LayerSources.add(map, "basemap:countries").get(0);
        assertTrue(CrsSupport.isGeographic(map.crs()), "an empty map takes lon/lat");
        assertTrue(map.identify(116.4, 39.9).stream().anyMatch(s -> s.contains("name=China")), map.identify(116.4, 39.9).toString());
        assertTrue(map.identify(2.35, 48.85).stream().anyMatch(s -> s.contains("name=France")), map.identify(2.35, 48.85).toString());
        assertTrue(map.identify(-30, 0).isEmpty(), "the Atlantic is no country");
        assertTrue(countries.features().size() > 200, "Natural Earth has about 240 countries");
        MapLayer grid = LayerSources.add(map, "basemap:graticule").get(0);
        assertEquals(37 + 17, grid.geometry().getNumGeometries(), "meridians every 10 degrees and parallels 80 S to 80 N");
        // in China's Albers equal-area projection (EPSG:...-free, from a PROJ string) Beijing is still in China
        CoordinateReferenceSystem albers = CrsSupport.parse("+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +x_0=0 +y_0=0 +ellps=GRS80 +units=m", null);
        MapModel projected = new MapModel(albers);
        LayerSources.add(projected, "basemap:countries");
        double[] beijing = {116.4, 39.9};
        CrsSupport.transform(CrsSupport.lonLat(), albers).transform(beijing, 0, beijing, 0, 1);
        assertTrue(projected.identify(beijing[0], beijing[1]).stream().anyMatch(s -> s.contains("name=China")));
        List<Object> names = projected.layers().get(0).features().stream().map(f -> f.attributes().get("name")).toList();
        assertTrue(names.contains("Mongolia") && !names.contains("Brazil"), "the far side of the globe is left out: " + names);
    }

    @Test
    void basemapAndTilesGoUnderTheDataAndComeBackFromAMapDocument() throws Exception {
        try (TileServer server = new TileServer()) {
            MapModel map = new MapModel(CrsSupport.lonLat());
            map.add(MapLayer.vector("data", new org.locationtech.jts.geom.GeometryFactory().toGeometry(new Envelope(100, 110, 20, 30)),
                    Color.RED, 1f, null), CrsSupport.lonLat());
            LayerSources.add(map, "basemap:countries");
            LayerSources.add(map, "xyz:" + server.template());
            LayerSources.add(map, "basemap:graticule");
            assertEquals(List.of("Tiles: 127.0.0.1", Basemap.Kind.COUNTRIES.title(), "data", Basemap.Kind.GRATICULE.title()),
                    map.layers().stream().map(MapLayer::name).toList(), "tiles at the bottom, then the basemap, the data, the graticule on top");
            assertEquals(new Envelope(100, 110, 20, 30), map.startExtent(), "the map starts at the data, not the world");
            map.layers().get(1).setVisible(false);
            // the data layer has no file: save the services only
            map.remove(map.layers().get(2));
            Path doc = dir.resolve("base.pamap");
            map.save(doc, new Envelope(100, 110, 20, 30));
            MapModel back = new MapModel();
            back.open(doc);
            assertEquals(List.of("xyz:" + server.template(), "basemap:countries", "basemap:graticule"),
                    back.layers().stream().map(MapLayer::service).toList());
            assertEquals(List.of(true, false, true), back.layers().stream().map(MapLayer::isVisible).toList());
            // the figure of the document draws the tiles under the rest
            org.pacarbon.map.core.Figure f = org.pacarbon.map.core.MapDocument.read(doc).toFigure(dir, 400, 300);
            assertEquals(List.of("Graticule (10\u00b0)", "Tiles: 127.0.0.1"), f.legendEntries());
        }
    }
}
