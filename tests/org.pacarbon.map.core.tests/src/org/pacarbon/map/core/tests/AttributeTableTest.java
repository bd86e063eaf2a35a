package org.pacarbon.map.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.Geometries;
import org.pacarbon.map.core.AttributeTable;

/** The attribute table's rows, order, filter and copied text on three hand-made features. */
class AttributeTableTest {
    private static Feature f(String id, String name, Double area, double x0) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", name);
        a.put("area_km2", area);
        a.put("geom", new GeometryFactory().createPoint()); // geometries in attributes are not columns
        return new Feature(id, Geometries.box(x0, 0, x0 + 1, 1), a);
    }

    private static final List<Feature> FEATURES = List.of(f("1", "Wolong", 2011.1402021482977, 0), f("2", "Sanjiangyuan", 123100.0, 5),
            f("3", "unnamed", null, 10));

    @Test
    void columnsCellsAndSorting() {
        AttributeTable t = new AttributeTable(FEATURES);
        assertEquals(List.of("name", "area_km2"), t.fields());
        assertEquals(3, t.size());
        assertEquals("Wolong", t.text(0, 0));
        assertEquals("", t.text(2, 1)); // no value
        t.sortBy(1); // by area: 2011 < 123100, the empty one last
        assertEquals(List.of("Wolong", "Sanjiangyuan", "unnamed"), List.of(t.text(0, 0), t.text(1, 0), t.text(2, 0)));
        t.sortBy(1); // again: descending, the empty one still last
        assertEquals(List.of("Sanjiangyuan", "Wolong", "unnamed"), List.of(t.text(0, 0), t.text(1, 0), t.text(2, 0)));
        t.sortBy(0); // by name, alphabetically whatever the case
        assertEquals(List.of("Sanjiangyuan", "unnamed", "Wolong"), List.of(t.text(0, 0), t.text(1, 0), t.text(2, 0)));
    }

    @Test
    void filterCopyAndExtent() {
        AttributeTable t = new AttributeTable(FEATURES);
        t.filter("WOL");
        assertEquals(1, t.size());
        assertEquals(3, t.featureCount());
        assertEquals("name\tarea_km2\nWolong\t2011.1402021482977\n", t.tsv(new int[] {0})); // full precision for spreadsheets
        t.filter("");
        assertEquals(new Envelope(0, 6, 0, 1), t.extent(new int[] {0, 1}));
        assertEquals(2, t.geometry(new int[] {0, 1}).getNumGeometries());
    }
}
