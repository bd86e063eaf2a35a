package org.pacarbon.cli.demo;

import org.eclipse.jdt.annotation.Nullable;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.raster.MemoryRaster;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.gis.core.raster.RasterFiles;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.FeatureSet;
import org.pacarbon.gis.core.vector.VectorIO;
import org.pacarbon.map.core.Classification;
import org.pacarbon.map.core.Figure;
import org.pacarbon.map.core.MapDocument;

/** The paper's five figures of the demo data: biomass, vSOC, ecosystem carbon, NPP 2020, CO2 2020, with PA outlines. */
public final class DemoFigures {
    private DemoFigures() {
    }

    /** Writes a map document (.pamap) and its PNG (2x), SVG and PDF for each figure into {@code out}; returns the PNG paths. */
    public static List<Path> write(Path data, Path out) throws IOException, GisException {
        Files.createDirectories(out);
        String credits = "ILLUSTRATIVE demo data, not real measurements. Outline: Natural Earth (public domain). PA-Carbon Workbench";
        // ecosystem carbon = biomass + vSOC, written beside the figures so that its map document can refer to it
        Path eco = out.resolve("ecosystem_carbon.tif");
        try (RasterSource biomass = RasterFiles.open(data.resolve("biomass_2010.tif"));
                RasterSource vsoc = RasterFiles.open(data.resolve("vsoc.tif"))) {
            MemoryRaster sum = sum(biomass, vsoc);
            org.pacarbon.gis.core.raster.GridSpec g = sum.grid();
            float[] v = sum.values();
            org.pacarbon.gis.core.io.GeoTiffWriter.of(g.width(), g.height()).crs(4326, true).upperLeft(g.x0(), g.y0())
                    .cellSize(g.dx(), -g.dy()).nodata(-9999f).tiled(256)
                    .write(eco, (r, row) -> {
                        for (int c = 0; c < row.length; c++) {
                            float x = v[r * g.width() + c];
                            row[c] = Float.isNaN(x) ? -9999f : x;
                        }
                    });
        }
        splitPas(data);
        List<Path> written = new ArrayList<>();
        written.add(figure(out, "fig1_biomass", "Biomass carbon (2010)", "Biomass carbon", data.resolve("biomass_2010.tif"), null, "carbon", false, "kgC/m2", data, credits));
        written.add(figure(out, "fig2_vsoc", "Vulnerable soil organic carbon", "vSOC", data.resolve("vsoc.tif"), null, "carbon", false, "kgC/m2", data, credits));
        written.add(figure(out, "fig3_ecosystem_carbon", "Ecosystem carbon (biomass + vSOC)", "Ecosystem carbon", eco, null, "carbon", false, "kgC/m2", data, credits));
        written.add(figure(out, "fig4_npp_2020", "Net primary production 2020", "NPP 2020", data.resolve("npp_2020.tif"), null, "npp", false, "kgC/m2/yr", data, credits));
        written.add(figure(out, "fig5_co2_2020", "Anthropogenic CO2 emissions 2020", "CO2 emissions 2020", data.resolve("edgar_co2_2020.nc"), "emi_co2", "emissions", true,
                "t CO2 per 0.1° cell per yr", data, credits));
        return written;
    }

    private static MemoryRaster sum(RasterSource a, RasterSource b) throws GisException {
        int n = a.grid().width() * a.grid().height();
        float[] va = new float[n], vb = new float[n];
        a.readRows(0, a.grid().height(), va);
        b.readRows(0, b.grid().height(), vb);
        for (int i = 0; i < n; i++) {
            va[i] += vb[i];
        }
        return new MemoryRaster(a.file(), a.grid(), a.crs(), va, "kgC/m2");
    }

    private static Path figure(Path out, String name, String title, String legend, Path raster, @Nullable String variable, String ramp,
            boolean log, String unit, Path data, String credits) throws GisException, IOException {
        double min, max;
        try (RasterSource src = RasterFiles.open(raster, variable)) {
            double[] q = Classification.displayQuantiles(src, log); // 2 % steps
            if (q == null) {
                throw new GisException(raster, "has no valid value to draw", "a raster with data");
            }
            min = log ? Math.pow(10, Math.floor(Math.log10(Math.max(q[1], 1e-9)))) : 0;
            max = log ? Math.pow(10, Math.ceil(Math.log10(q[49]))) : niceCeil(q[49]);
        }
        MapDocument doc = new MapDocument();
        doc.title = title + " - illustrative demo";
        doc.crs = "EPSG:4326";
        doc.extent = new Envelope(72.5, 135.5, 16.5, 54);
        doc.legend = legend;
        doc.credits = credits;
        doc.layers.add(new MapDocument.RasterEntry(legend, rel(out, raster), variable, ramp, min, max, log, null, unit, true));
        doc.layers.add(new MapDocument.VectorEntry("China (Natural Earth)", rel(out, data.resolve("china.geojson")), null,
                new Color(0x33, 0x33, 0x33), 1.0f, null, true));
        doc.layers.add(new MapDocument.VectorEntry("Nature reserves", rel(out, data.resolve("reserves.geojson")), null,
                new Color(0x1b, 0x5e, 0x20), 0.7f, new Color(0x1b, 0x5e, 0x20, 40), true));
        doc.layers.add(new MapDocument.VectorEntry("National parks", rel(out, data.resolve("parks.geojson")), null,
                new Color(0xb7, 0x1c, 0x1c), 1.6f, new Color(0xb7, 0x1c, 0x1c, 50), true));
        Path pamap = out.resolve(name + ".pamap");
        doc.write(pamap);
        Figure fig = doc.toFigure(out, 900, 640);
        Path png = out.resolve(name + ".png");
        fig.write(png, 2);
        fig.write(out.resolve(name + ".svg"), 1);
        fig.write(out.resolve(name + ".pdf"), 2);
        return png;
    }

    private static String rel(Path from, Path to) {
        return from.toAbsolutePath().relativize(to.toAbsolutePath()).toString().replace('\\', '/');
    }

    /** Parks and reserves as two GeoJSON files, so map documents can style them apart. */
    private static void splitPas(Path data) throws GisException, IOException {
        if (Files.exists(data.resolve("parks.geojson"))) {
            return;
        }
        FeatureSet pas = VectorIO.read(data.resolve("pas.gpkg"), null, null);
        for (String[] kind : new String[][] {{"national_park", "parks.geojson"}, {"nature_reserve", "reserves.geojson"}}) {
            StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
            boolean firstFeature = true;
            for (Feature f : pas.features()) {
                if (!kind[0].equals(f.text("category").orElse(""))) {
                    continue;
                }
                b.append(firstFeature ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"pa_id\":\"")
                        .append(f.text("pa_id").orElse("")).append("\"},\"geometry\":").append(geoJson(f.geometry())).append('}');
                firstFeature = false;
            }
            b.append("]}");
            Files.writeString(data.resolve(kind[1]), b.toString());
        }
    }

    private static String geoJson(Geometry g) {
        StringBuilder b = new StringBuilder("{\"type\":\"MultiPolygon\",\"coordinates\":[");
        for (int i = 0; i < g.getNumGeometries(); i++) {
            org.locationtech.jts.geom.Polygon p = (org.locationtech.jts.geom.Polygon) g.getGeometryN(i);
            b.append(i == 0 ? "[" : ",[");
            for (int k = -1; k < p.getNumInteriorRing(); k++) {
                org.locationtech.jts.geom.LineString ring = k < 0 ? p.getExteriorRing() : p.getInteriorRingN(k);
                b.append(k < 0 ? "[" : ",[");
                org.locationtech.jts.geom.Coordinate[] cs = ring.getCoordinates();
                for (int j = 0; j < cs.length; j++) {
                    b.append(j == 0 ? "" : ",").append('[').append(cs[j].x).append(',').append(cs[j].y).append(']');
                }
                b.append(']');
            }
            b.append(']');
        }
        return b.append("]}").toString();
    }

    private static double niceCeil(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
