package org.pacarbon.gis.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.RenderedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.sis.coverage.grid.GridCoverage;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.storage.Aggregate;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStores;
import org.apache.sis.storage.GridCoverageResource;
import org.apache.sis.storage.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.io.GeoTiffWriter;
import org.pacarbon.gis.core.io.NetcdfWriter;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.FeatureSet;
import org.pacarbon.gis.core.vector.GeoPackageIO;

/**
 * Headless smoke check that the GIS libraries are wired correctly inside OSGi: SIS opens a GeoTIFF and a
 * NetCDF file, the embedded EPSG database answers, JTS builds polygons and the NGA library reads a
 * GeoPackage. Each of these fails in a plain Tycho runtime without the fixes of the target platform.
 */
class OsgiWiringSmokeTest {
    @TempDir
    Path dir;

    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void epsgCodesResolveFromTheEmbeddedDatabase() throws GisException {
        CoordinateReferenceSystem albers = CrsSupport.parse("EPSG:32650", null);
        assertTrue(CrsSupport.label(albers).contains("UTM zone 50N"), CrsSupport.label(albers));
        CoordinateReferenceSystem wgs = CrsSupport.parse("EPSG:4326", null);
        assertTrue(CrsSupport.isGeographic(wgs));
        CoordinateReferenceSystem proj = CrsSupport.parse(
                "+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs", null);
        assertTrue(!CrsSupport.isGeographic(proj));
    }

    @Test
    void sisOpensAGeoTiffWrittenByUs() throws Exception {
        Path tif = dir.resolve("grid.tif");
        GeoTiffWriter.of(40, 30).crs(32650, false).upperLeft(500000, 4000000).cellSize(1000, 1000)
                .nodata(-9999f).tiled(16).write(tif, (y, row) -> {
                    for (int x = 0; x < row.length; x++) row[x] = y * 100 + x;
                });
        try (DataStore store = DataStores.open(tif)) {
            GridCoverageResource r = firstCoverage(store);
            GridGeometry gg = r.getGridGeometry();
            assertEquals(40, gg.getExtent().getSize(0));
            assertEquals(30, gg.getExtent().getSize(1));
            assertTrue(CrsSupport.label(gg.getCoordinateReferenceSystem()).contains("UTM"));
            GridCoverage cov = r.read(null);
            RenderedImage img = cov.render(null);
            assertEquals(7 * 100 + 5, img.getData().getSampleFloat(5, 7, 0), 0f);
        }
    }

    @Test
    void sisOpensANetcdfWrittenByUs() throws Exception {
        Path nc = dir.resolve("emi.nc");
        double[] lat = {30.25, 30.75, 31.25};
        double[] lon = {110.25, 110.75, 111.25, 111.75};
        new NetcdfWriter().variable("emi_co2").attribute("units", "kg m-2 s-1").fillValue(-1f)
                .write(nc, lat, lon, (y, row) -> {
                    for (int x = 0; x < row.length; x++) row[x] = y * 10 + x;
                });
        try (DataStore store = DataStores.open(nc)) {
            GridCoverageResource r = firstCoverage(store);
            GridGeometry gg = r.getGridGeometry();
            assertEquals(4, gg.getExtent().getSize(0));
            assertEquals(3, gg.getExtent().getSize(1));
            RenderedImage img = r.read(null).render(null);
            float corner = img.getData().getSampleFloat(0, 0, 0);
            assertTrue(corner == 0f || corner == 20f, "first cell is row 0 or row 2 of the file: " + corner);
        }
    }

    @Test
    void geoPackageRoundTripWithJtsPolygons() throws Exception {
        Polygon square = GF.createPolygon(new Coordinate[] {
                new Coordinate(100, 30), new Coordinate(101, 30), new Coordinate(101, 31),
                new Coordinate(100, 31), new Coordinate(100, 30)});
        assertEquals(1.0, square.getArea(), 1e-12);
        Path gpkg = dir.resolve("pas.gpkg");
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        fields.put("name", String.class);
        fields.put("category", String.class);
        GeoPackageIO.write(gpkg, "pas", 4326, fields,
                List.of(new Feature("1", square, Map.of("name", "Test park", "category", "national_park"))));
        assertEquals(List.of("pas"), GeoPackageIO.layers(gpkg));
        FeatureSet set = GeoPackageIO.read(gpkg, "pas");
        assertEquals(1, set.features().size());
        assertEquals("Test park", set.features().get(0).text("name").orElseThrow());
        assertEquals(1.0, set.features().get(0).geometry().getArea(), 1e-9);
        assertNotNull(set.crs());
    }

    @Test
    void coreBundleDoesNotWireToUserInterfaceBundles() {
        Bundle core = FrameworkUtil.getBundle(GeoPackageIO.class);
        BundleWiring wiring = core.adapt(BundleWiring.class);
        for (BundleWire wire : wiring.getRequiredWires(null)) {
            String provider = wire.getProvider().getSymbolicName();
            if (provider.startsWith("org.eclipse.swt") || provider.startsWith("org.eclipse.jface")
                    || provider.startsWith("org.eclipse.ui")) {
                fail("org.pacarbon.gis.core must stay headless but wires to " + provider);
            }
        }
    }

    private static GridCoverageResource firstCoverage(Resource r) throws Exception {
        if (r instanceof GridCoverageResource g) return g;
        if (r instanceof Aggregate a) {
            for (Resource c : a.components()) {
                GridCoverageResource g = firstCoverage(c);
                if (g != null) return g;
            }
        }
        assertInstanceOf(GridCoverageResource.class, r, "no coverage in " + r);
        return null;
    }
}
