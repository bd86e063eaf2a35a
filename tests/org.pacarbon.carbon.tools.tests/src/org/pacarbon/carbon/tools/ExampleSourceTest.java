package org.pacarbon.carbon.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.map.core.LayerSources;
import org.pacarbon.map.core.MapLayer;
import org.pacarbon.map.core.MapModel;

/** Layer sources as plug-ins: the SDK example's .wkt source found through the extension point, beside the built-in ones. */
class ExampleSourceTest {
    @TempDir
    Path dir;

    @Test
    void aContributedSourceReadsItsFormatAndTheBuiltInsStayForTheirs() throws Exception {
        LayerSources.Entry wkt = LayerSources.forFile(Path.of("x.wkt"));
        assertNotNull(wkt, "the example source is registered");
        assertEquals("org.pacarbon.example.tool", wkt.bundle());
        assertEquals("org.pacarbon.map.core", LayerSources.forFile(Path.of("biomass.tif")).bundle());
        assertEquals("builtin.vector", LayerSources.forFile(Path.of("pas.GPKG")).id());

        Path f = dir.resolve("pas.wkt");
        Files.writeString(f, """
                # two PAs in lon/lat
                POLYGON ((100 30, 101 30, 101 31, 100 31, 100 30))
                POLYGON ((102 32, 103 32, 103 33, 102 33, 102 32))
                """);
        MapModel map = new MapModel();
        List<MapLayer> layers = LayerSources.add(map, f, null);
        assertEquals(1, layers.size());
        assertEquals(2, layers.get(0).features().size());
        assertEquals(new Envelope(100, 103, 30, 33), layers.get(0).extent());
        assertEquals("pas.wkt", map.layers().get(0).name());

        Files.writeString(f, "POLYGON ((100 30, 101\n");
        GisException e = assertThrows(GisException.class, () -> LayerSources.add(new MapModel(), f, null));
        assertTrue(e.getMessage().contains("pas.wkt") && e.getMessage().contains("line 1"), e.getMessage());
        GisException none = assertThrows(GisException.class, () -> LayerSources.add(new MapModel(), dir.resolve("x.xyz"), null));
        assertTrue(none.getMessage().contains("not a format any layer source reads") && none.getMessage().contains(".wkt"), none.getMessage());
    }
}
