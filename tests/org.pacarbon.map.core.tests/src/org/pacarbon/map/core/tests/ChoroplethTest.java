package org.pacarbon.map.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.FeatureSet;
import org.pacarbon.gis.core.vector.Geometries;
import org.pacarbon.map.core.Choropleth;
import org.pacarbon.map.core.MapLayer;
import org.pacarbon.map.core.MapModel;

/** Per-PA results joined to PA polygons by id and classed, checked against classes worked out by hand. */
public final class ChoroplethTest {
    @TempDir
    Path dir;

    @Test
    public void perPaDensitiesJoinByIdIntoQuantileClasses() throws Exception {
        Path csv = dir.resolve("per_pa.csv");
        // the columns of an assessment's per_pa.csv; biomass has six PAs with densities 1..6, P7 has none; soil is
        // another layer that must not leak in; "P 3" is quoted with a comma in its name
        StringBuilder sb = new StringBuilder("pa_id,name,class,layer,year,total,total_unit,per_area,per_area_unit,valid_area_km2,area_km2\n");
        for (int i = 1; i <= 6; i++) {
            sb.append("P").append(i).append(",\"Park ").append(i).append(", north\",np,biomass,2010,0,tC,").append(i).append(",kgC/m2,1,1\n");
            sb.append("P").append(i).append(",x,np,soil,,0,tC,").append(100 + i).append(",kgC/m2,1,1\n");
        }
        Files.writeString(csv, sb.toString());
        assertEquals(List.of("biomass 2010", "soil"), Choropleth.choices(csv));
        Choropleth.PaValues v = Choropleth.perPa(csv, "biomass 2010");
        assertEquals("kgC/m2", v.unit());
        assertEquals(6, v.byId().size());

        List<Feature> fs = new ArrayList<>();
        for (int i = 1; i <= 7; i++) { // the PA file's id field is WDPA-like "wdpa_id"; P7 has no result
            fs.add(new Feature(String.valueOf(i), Geometries.box(i * 10, 0, i * 10 + 5, 5), Map.of("wdpa_id", "P" + i, "name", "Park " + i)));
        }
        FeatureSet pas = new FeatureSet("pas.geojson", CrsSupport.lonLat(), List.of("name", "wdpa_id"), fs);
        assertEquals("wdpa_id", Choropleth.idField(pas, v, csv));

        // 3 quantile classes of 1..6, by hand: breaks at ranks 0, 5/3, 10/3, 5 of the sorted values -> 1, 2.667, 4.333, 6:
        // {1, 2}, {3, 4}, {5, 6}, then P7 without a value
        MapModel map = new MapModel();
        List<MapLayer> layers = Choropleth.add(map, pas, dir.resolve("pas.geojson"), v, "carbon", 3);
        assertEquals(4, layers.size());
        assertEquals(List.of(List.of("P1", "P2"), List.of("P3", "P4"), List.of("P5", "P6"), List.of("P7")),
                layers.stream().map(l -> l.features().stream().map(f -> f.text("wdpa_id").orElse("")).toList()).toList());
        assertEquals("biomass 2010: 1 - 2.667 kgC/m2", layers.get(0).name());
        assertEquals("biomass 2010: 4.333 - 6 kgC/m2", layers.get(2).name());
        assertEquals("biomass 2010: no value", layers.get(3).name());
        assertTrue(layers.get(0).fill().getGreen() > layers.get(2).fill().getGreen(), "the ramp darkens with the value");
        assertEquals(map.layers(), layers);

        // a PA layer with no field of those ids is refused with a reason
        FeatureSet other = new FeatureSet("x.geojson", CrsSupport.lonLat(), List.of("name"), List.of(fs.get(0)));
        GisException e = assertThrows(GisException.class, () -> Choropleth.add(new MapModel(), other, dir.resolve("x.geojson"), v, "carbon", 3));
        assertTrue(e.getMessage().contains("no field whose values are the PA ids"), e.getMessage());
        assertThrows(GisException.class, () -> Choropleth.perPa(csv, "npp 2020"));
    }
}
