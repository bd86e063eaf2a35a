package org.pacarbon.carbon.tools;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacarbon.gis.core.io.GeoTiffWriter;
import org.pacarbon.toolbox.core.Progress;
import org.pacarbon.toolbox.core.ToolException;
import org.pacarbon.toolbox.core.ToolRegistry;
import org.pacarbon.toolbox.core.ToolRunner;

/**
 * Cancel through a real carbon tool (the full assessment, as the workbench's job runs it): the engine's own stop
 * reaches the caller as "cancelled", not as a failure, soon after the request, in the layer phase and in the
 * common-grid resampling phase.
 */
class CancelTest {
    @TempDir
    Path dir;

    @Test
    void cancellingTheAssessmentWhileLayersAreMeasuredStopsItAsCancelled() throws Exception {
        check(spec(false));
    }

    @Test
    void cancellingTheAssessmentWhileResamplingToTheCommonGridStopsItAsCancelled() throws Exception {
        check(spec(true));
    }

    private void check(Path spec) throws Exception {
        AtomicLong cancelAt = new AtomicLong();
        List<String> lines = new CopyOnWriteArrayList<>();
        Progress p = new Progress() {
            @Override
            public void begin(String task, int total) {
            }

            @Override
            public void worked(int units) {
            }

            @Override
            public void message(String line) {
                lines.add(line);
                // cancel as soon as the geometry is ready, i.e. while the first layer is being read
                if (line.startsWith("protected areas") && cancelAt.get() == 0) {
                    cancelAt.set(System.nanoTime());
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelAt.get() != 0;
            }
        };
        Path out = dir.resolve("out");
        assertThrows(ToolException.Cancelled.class, () -> ToolRunner.run(ToolRegistry.find("carbon.assess"),
                Map.of("spec", spec.toString(), "out", out.toString()), dir, null, p));
        double seconds = (System.nanoTime() - cancelAt.get()) / 1e9;
        assertTrue(cancelAt.get() != 0, lines.toString());
        assertTrue(seconds < 1.0, "stopped " + seconds + " s after the cancel");
        // the engine stopped: no layer (of the six, each a pass over 36 M cells) was finished
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("layer ")), lines.toString());
        assertFalse(Files.exists(out.resolve("summary.csv")));
    }

    private Path spec(boolean commonGrid) throws Exception {
        int n = 6000;
        Path tif = dir.resolve("big.tif");
        if (!Files.exists(tif)) {
            GeoTiffWriter.of(n, n).crs(32650, false).upperLeft(500000, 4000000 + n * 100.0).cellSize(100, 100).deflate(false).tiled(256)
                    .write(tif, (r, row) -> {
                        for (int c = 0; c < n; c++) {
                            row[c] = (r + c) % 17;
                        }
                    });
        }
        Files.writeString(dir.resolve("region.geojson"), """
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
                 "geometry": {"type": "Polygon", "coordinates": [[[510000, 4010000], [1090000, 4010000], [1090000, 4590000],
                   [510000, 4590000], [510000, 4010000]]]}}]}""");
        Files.writeString(dir.resolve("pas.geojson"), """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"category": "np"},
                  "geometry": {"type": "Polygon", "coordinates": [[[600000, 4100000], [900000, 4150000], [800000, 4400000],
                    [600000, 4100000]]]}},
                 {"type": "Feature", "properties": {"category": "nr"},
                  "geometry": {"type": "Polygon", "coordinates": [[[700000, 4200000], [1000000, 4200000], [1000000, 4500000],
                    [700000, 4500000], [700000, 4200000]]]}}]}""");
        StringBuilder layers = new StringBuilder();
        for (int y = 2000; y <= 2025; y += 5) {
            layers.append(layers.length() == 0 ? "" : ",").append("{\"key\": \"npp\", \"year\": ").append(y)
                    .append(", \"path\": \"big.tif\", \"kind\": \"density\", \"unit\": \"kgC/m2/yr\", \"group\": \"uptake\"}");
        }
        Path spec = dir.resolve(commonGrid ? "grid.json" : "spec.json");
        Files.writeString(spec, "{\"title\": \"cancel\", \"region\": {\"path\": \"region.geojson\", \"crs\": \"EPSG:32650\"},"
                + " \"protectedAreas\": {\"path\": \"pas.geojson\", \"crs\": \"EPSG:32650\", \"classField\": \"category\","
                + " \"classes\": [{\"value\": \"np\"}, {\"value\": \"nr\"}]},"
                + (commonGrid ? " \"grid\": {\"crs\": \"EPSG:32650\", \"cellSize\": 100}," : "")
                + " \"layers\": [" + layers + "]}");
        return spec;
    }
}
