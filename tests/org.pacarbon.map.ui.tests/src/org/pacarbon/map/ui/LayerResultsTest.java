package org.pacarbon.map.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pacarbon.map.core.MapLayer;
import org.pacarbon.test.ui.Robot;
import org.pacarbon.test.ui.ScreenshotOnFailure;

/** Per-PA results drawn on the PA layer as a choropleth, with the attribute table; layer properties. */
@ExtendWith(ScreenshotOnFailure.class)
public final class LayerResultsTest {
    @TempDir
    Path dir;

    @Test
    public void perPaResultsBecomeAChoroplethAndPropertiesDescribeALayer() throws Exception {
        Robot robot = new Robot().withTimeout(Duration.ofSeconds(30));
        MapView map = MapScenes.emptyMap(robot);
        Path tif = MapScenes.columns(dir.resolve("carbon.tif"), c -> c);
        map.addRaster(tif, "carbon", "carbon", 0, 19, "kgC/m2");
        Path pas = dir.resolve("pas.geojson");
        StringBuilder fc = new StringBuilder("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:32650\"}},\"features\":[");
        for (int i = 1; i <= 4; i++) {
            int x = 500000 + i * 3500;
            fc.append(i > 1 ? "," : "").append("{\"type\":\"Feature\",\"properties\":{\"wdpa_id\":\"P").append(i).append("\",\"name\":\"Park ").append(i)
                    .append("\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[").append(x).append(",4002000],[").append(x + 3000)
                    .append(",4002000],[").append(x + 3000).append(",4008000],[").append(x).append(",4008000],[").append(x).append(",4002000]]]}}");
        }
        Files.writeString(pas, fc.append("]}").toString());
        MapLayer paLayer = map.addVector(pas, "PAs", Color.DARK_GRAY, 1f, null);
        Path csv = dir.resolve("per_pa.csv");
        Files.writeString(csv, """
                pa_id,name,class,layer,year,total,total_unit,per_area,per_area_unit,valid_area_km2,area_km2
                P1,Park 1,np,biomass,2010,1,tC,1.5,kgC/m2,18,18
                P2,Park 2,np,biomass,2010,1,tC,4.5,kgC/m2,18,18
                P3,Park 3,np,biomass,2010,1,tC,9,kgC/m2,18,18
                """);
        LayersView layers = (LayersView) robot.view(LayersView.ID);
        // 5 quantile classes of the three values 1.5, 4.5, 9, by hand: breaks at ranks 0, 0.4, 0.8, 1.2, 1.6, 2,
        // interpolated: 1.5, 2.7, 3.9, 5.4, 7.2, 9; P1 falls in the first class, P2 in the third, P3 in the last, the
        // empty classes are not drawn; P4 has no value
        List<MapLayer> added = layers.showResults(paLayer, csv, "biomass 2010");
        List<String> names = added.stream().map(MapLayer::name).toList();
        assertEquals(List.of("biomass 2010: 1.5 - 2.7 kgC/m2", "biomass 2010: 3.9 - 5.4 kgC/m2", "biomass 2010: 7.2 - 9 kgC/m2",
                "biomass 2010: no value"), names);
        assertEquals(List.of("P1"), added.get(0).features().stream().map(f -> f.text("wdpa_id").orElse("")).toList());
        assertEquals(List.of("P4"), added.get(3).features().stream().map(f -> f.text("wdpa_id").orElse("")).toList());
        map.zoomToFullExtent();
        robot.waitUntil(() -> map.lastRendered() != null, "the choropleth drawn");
        // the legend has an entry per class
        robot.view(LegendView.ID);
        robot.flush();
        // the attribute table of the PAs beside the choropleth, a row selected and highlighted (the README's picture)
        robot.view(LayersView.ID);
        Table layerTable = robot.byData(Table.class, MapView.WIDGET_ID_KEY, LayersView.ID + ".table");
        layerTable.setSelection(List.of(layerTable.getItems()).stream().filter(t -> t.getText().equals("PAs")).findFirst().orElseThrow());
        robot.click(robot.byData(Button.class, MapView.WIDGET_ID_KEY, LayersView.ID + ".attributes"));
        Table attributes = robot.byData(Table.class, MapView.WIDGET_ID_KEY, AttributeTableView.ID + ".table");
        robot.waitUntil(() -> attributes.getItemCount() == 4, "the PAs in the attribute table");
        robot.select(attributes.getItem(1));
        robot.waitUntil(() -> map.highlight() != null, "the selected PA highlighted");
        robot.view(LegendView.ID);
        robot.waitUntil(() -> map.lastRendered() != null, "the map drawn");
        Thread.sleep(300);
        robot.flush();
        robot.screenshot(Path.of("target", "screenshots", "choropleth.png"));

        // properties of the raster: size and cell size as written, values 0..19 by column
        robot.view(LayersView.ID);
        Table table = robot.byData(Table.class, MapView.WIDGET_ID_KEY, LayersView.ID + ".table");
        TableItem rasterRow = List.of(table.getItems()).stream().filter(t -> t.getText().equals("carbon")).findFirst().orElseThrow();
        table.setSelection(rasterRow);
        List<String> props = new ArrayList<>();
        Robot.ModalHandle h = robot.onModal(s -> s.getText().startsWith(Messages.PropertiesOf), shell -> {
            Table t = (Table) robot.find(Table.class, w -> LayersView.ID.concat(".properties").equals(w.getData(MapView.WIDGET_ID_KEY)), "properties");
            for (TableItem i : t.getItems()) {
                props.add(i.getText(0) + ": " + i.getText(1));
            }
            shell.close();
        }, "layer properties");
        robot.click(robot.byData(Button.class, MapView.WIDGET_ID_KEY, LayersView.ID + ".properties"));
        h.await();
        assertTrue(props.contains("Size: 20 x 10 cells (200)"), props.toString());
        assertTrue(props.contains("Cell size: 1,000 x 1,000 m"), props.toString());
        assertTrue(props.stream().anyMatch(p -> p.startsWith("Values: min 0, ") && p.contains("max 19")), props.toString());
        assertTrue(props.stream().anyMatch(p -> p.startsWith("CRS: ") && p.contains("32650") || p.contains("UTM zone 50N")), props.toString());
        robot.waitForJobs();
        // leave the perspective as the other tests expect it: the attribute table takes room from the map
        org.eclipse.ui.IWorkbenchPage page = org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.hideView(page.findView(AttributeTableView.ID));
        map.clear();
        robot.flush();
    }
}
