package org.pacarbon.cli.demo;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.raster.MemoryRaster;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.gis.core.raster.SisRasterSource;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.FeatureSet;
import org.pacarbon.gis.core.vector.Geometries;
import org.pacarbon.gis.core.vector.VectorIO;
import org.pacarbon.map.core.Classification;
import org.pacarbon.map.core.ColorRamp;
import org.pacarbon.map.core.Figure;
import org.pacarbon.map.core.MapRenderer;
import org.pacarbon.map.core.RasterStyle;

/** The paper's five figures of the demo data: biomass, vSOC, ecosystem carbon, NPP 2020, CO2 2020, with PA outlines. */
public final class DemoFigures {
    private DemoFigures() {
    }

    /** Writes PNG (2x), SVG and PDF of each figure into {@code out}; returns the PNG paths. */
    public static List<Path> write(Path data, Path out) throws IOException, GisException {
        Files.createDirectories(out);
        Geometry china = Geometries.union(VectorIO.read(data.resolve("china.geojson"), null, null).features().stream()
                .map(Feature::geometry).toList());
        FeatureSet pas = VectorIO.read(data.resolve("pas.gpkg"), null, null);
        List<Geometry> parks = new ArrayList<>(), reserves = new ArrayList<>();
        for (Feature f : pas.features()) {
            ("national_park".equals(f.text("category").orElse("")) ? parks : reserves).add(f.geometry());
        }
        Geometry parkG = Geometries.union(parks), reserveG = Geometries.union(reserves);
        Envelope ext = new Envelope(72.5, 135.5, 16.5, 54);
        MapRenderer.View view = MapRenderer.View.fitGeographic(ext, 900, 640);
        List<Figure.Overlay> overlays = List.of(
                new Figure.Overlay(china, new Color(0x33, 0x33, 0x33), 1.0f, null, "China (Natural Earth)"),
                new Figure.Overlay(reserveG, new Color(0x1b, 0x5e, 0x20), 0.7f, new Color(0x1b, 0x5e, 0x20, 40), "Nature reserves"),
                new Figure.Overlay(parkG, new Color(0xb7, 0x1c, 0x1c), 1.6f, new Color(0xb7, 0x1c, 0x1c, 50), "National parks"));
        String credits = "ILLUSTRATIVE demo data, not real measurements. Outline: Natural Earth (public domain). PA-Carbon Workbench";
        List<Path> written = new ArrayList<>();
        try (SisRasterSource biomass = SisRasterSource.open(data.resolve("biomass_2010.tif"), null, null, null);
                SisRasterSource vsoc = SisRasterSource.open(data.resolve("vsoc.tif"), null, null, null);
                SisRasterSource npp = SisRasterSource.open(data.resolve("npp_2020.tif"), null, null, null);
                SisRasterSource co2 = SisRasterSource.open(data.resolve("edgar_co2_2020.nc"), "emi_co2", null, null)) {
            MemoryRaster eco = sum(biomass, vsoc);
            written.add(figure(out, "fig1_biomass", "Biomass carbon (2010)", "Biomass carbon", biomass, "carbon", false, "kgC/m2", view, overlays, credits));
            written.add(figure(out, "fig2_vsoc", "Vulnerable soil organic carbon", "vSOC", vsoc, "carbon", false, "kgC/m2", view, overlays, credits));
            written.add(figure(out, "fig3_ecosystem_carbon", "Ecosystem carbon (biomass + vSOC)", "Ecosystem carbon", eco, "carbon", false, "kgC/m2", view, overlays, credits));
            written.add(figure(out, "fig4_npp_2020", "Net primary production 2020", "NPP 2020", npp, "npp", false, "kgC/m2/yr", view, overlays, credits));
            written.add(figure(out, "fig5_co2_2020", "Anthropogenic CO2 emissions 2020", "CO2 emissions 2020", co2, "emissions", true, "t CO2 per 0.1° cell per yr", view, overlays, credits));
        }
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

    private static Path figure(Path out, String name, String title, String legend, RasterSource src, String ramp, boolean log, String unit,
            MapRenderer.View view, List<Figure.Overlay> overlays, String credits) throws GisException, IOException {
        int n = src.grid().width() * src.grid().height();
        float[] all = new float[n];
        src.readRows(0, src.grid().height(), all);
        double[] sample = new double[Math.min(n, 20000)];
        int k = 0;
        for (int i = 0; i < sample.length; i++) {
            float v = all[(int) ((long) i * n / sample.length)];
            if (!Float.isNaN(v) && (!log || v > 0)) {
                sample[k++] = v;
            }
        }
        double[] q = Classification.quantile(java.util.Arrays.copyOf(sample, k), 50); // 2 % steps
        double min = log ? Math.pow(10, Math.floor(Math.log10(Math.max(q[1], 1e-9)))) : 0;
        double max = log ? Math.pow(10, Math.ceil(Math.log10(q[49]))) : niceCeil(q[49]);
        RasterStyle style = new RasterStyle(ColorRamp.preset(ramp), min, max, log, null, unit);
        Figure fig = new Figure(title + " - illustrative demo", MapRenderer.raster(src, style, view), view, CrsSupport.lonLat(),
                style, legend, overlays, credits);
        Path png = out.resolve(name + ".png");
        fig.write(png, 2);
        fig.write(out.resolve(name + ".svg"), 1);
        fig.write(out.resolve(name + ".pdf"), 2);
        return png;
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
