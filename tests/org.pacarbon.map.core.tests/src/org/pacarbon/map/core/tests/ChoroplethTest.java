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

    @Test
    public void changeBetweenYearsAndToolTablesJoinToo() throws Exception {
        List<Feature> fs = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            fs.add(new Feature(String.valueOf(i), Geometries.box(i * 10, 0, i * 10 + 5, 5), Map.of("pa_id", "P" + i)));
        }
        FeatureSet pas = new FeatureSet("pas.geojson", CrsSupport.lonLat(), List.of("pa_id"), fs);
        // an assessment with two years: the change is 2020 minus 2000 per PA, by hand -2, -1, +1, +3; P4 lacks 2000
        Path csv = dir.resolve("per_pa.csv");
        Files.writeString(csv, "pa_id,layer,year,per_area,per_area_unit\n"
                + "P1,npp,2000,5,kgC/m2/yr\nP1,npp,2020,3,kgC/m2/yr\nP2,npp,2000,5,kgC/m2/yr\nP2,npp,2020,4,kgC/m2/yr\n"
                + "P3,npp,2000,1,kgC/m2/yr\nP3,npp,2020,2,kgC/m2/yr\nP4,npp,2020,9,kgC/m2/yr\n");
        assertEquals(List.of("npp 2000", "npp 2020", "npp change 2000-2020"), Choropleth.choices(csv));
        Choropleth.PaValues change = Choropleth.perPa(csv, "npp change 2000-2020");
        assertEquals(Map.of("P1", -2.0, "P2", -1.0, "P3", 1.0), change.byId());
        assertTrue(change.change());
        List<MapLayer> layers = Choropleth.add(new MapModel(), pas, dir.resolve("pas.geojson"), change, "npp", 3);
        // 3 quantile classes of -2, -1, 1: breaks -2, -4/3, 0, 1 -> {P1}, {P2}, {P3}; P4 no value
        assertEquals(List.of(List.of("P1"), List.of("P2"), List.of("P3"), List.of("P4")),
                layers.stream().map(l -> l.features().stream().map(f -> f.text("pa_id").orElse("")).toList()).toList());
        assertTrue(layers.get(0).fill().getRed() > layers.get(0).fill().getBlue(), "a loss is brown");
        assertTrue(layers.get(2).fill().getGreen() > layers.get(2).fill().getRed(), "a gain is teal");

        // a ranking as ToolRunner writes it ("name [unit]" headers): its measures, by pa_id
        Path rank = dir.resolve("ranking.csv");
        Files.writeString(rank, "rank,pa_id,name,class,total [tC],change [%],area [km2],min x,min y,max x,max y\n"
                + "1,P3,c,np,30,5,1,0,0,1,1\n2,P1,a,np,20,-10,1,0,0,1,1\n3,P2,b,np,10,,1,0,0,1,1\n");
        assertEquals(List.of("total [tC]", "change [%]", "area [km2]"), Choropleth.choices(rank));
        Choropleth.PaValues total = Choropleth.perPa(rank, "total [tC]");
        assertEquals("total", total.title());
        assertEquals("tC", total.unit());
        assertEquals(Map.of("P3", 30.0, "P1", 20.0, "P2", 10.0), total.byId());
        assertTrue(!total.change() && Choropleth.perPa(rank, "change [%]").change());
        assertEquals(Map.of("P3", 5.0, "P1", -10.0), Choropleth.perPa(rank, "change [%]").byId(), "an empty cell is no value");

        // the trend tool's per-PA table has its ids in "pa"
        Path trend = dir.resolve("trend.csv");
        Files.writeString(trend, "pa,first year,last year,first [tC],last [tC],change [tC],compound annual growth [%],Sen's slope [tC per year]\n"
                + "P1,2000,2020,5,3,-2,-2.5,-0.1\n");
        assertTrue(Choropleth.choices(trend).contains("Sen's slope [tC per year]"));
        assertEquals(Map.of("P1", -0.1), Choropleth.perPa(trend, "Sen's slope [tC per year]").byId());
        GisException none = assertThrows(GisException.class, () -> Choropleth.choices(dir.resolve("per_pa.csv").resolveSibling("x.csv")));
        assertTrue(none.getMessage().contains("x.csv"), none.getMessage());
    }
}
