package org.pacarbon.carbon.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.eclipse.jdt.annotation.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.gis.core.raster.RasterSource;
import org.pacarbon.gis.core.raster.RasterFiles;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.FeatureSet;
import org.pacarbon.gis.core.vector.Geometries;
import org.pacarbon.gis.core.vector.VectorIO;
import org.pacarbon.zonal.core.CellAreas;
import org.pacarbon.zonal.core.CategoryEngine;
import org.pacarbon.zonal.core.ZoneStats;

/**
 * Runs an assessment: builds the report categories (region; each PA class minus the classes before it;
 * all PAs; the region outside PAs) and the single PAs, measures every layer on its own native grid with
 * exact coverage fractions, and turns the sums into the report rows with computed units.
 */
public final class Assessment {

    /** One row of summary.csv. */
    public record Row(String group, String layer, @Nullable Integer year, String category, double total, String totalUnit,
            double sharePct, double perArea, String perAreaUnit, double ratioToRegion, double validAreaKm2) {
    }

    /** One row of per_pa.csv. */
    public record PaRow(String paId, String name, String paClass, String layer, @Nullable Integer year, double total, String totalUnit,
            double perArea, String perAreaUnit, double validAreaKm2, double areaKm2) {
    }

    /** A PA read from the polygon file. */
    public record Pa(String id, String name, String classKey, Geometry geometry) {
    }

    /**
     * The polygons a run measured, for maps of its results: the PAs it used (repaired where they were invalid) in
     * their file's CRS, and the region's union in its own, {@code null} for a region given as a mask.
     */
    public record Polygons(List<Pa> pas, CoordinateReferenceSystem pasCrs, @Nullable Geometry region,
            @Nullable CoordinateReferenceSystem regionCrs) {
    }

    /** Everything an assessment produced. */
    public record Result(AssessmentSpec spec, List<String> categories, Map<String, String> categoryLabels, List<Row> rows,
            List<PaRow> paRows, List<String> warnings, Map<String, Long> timingsMs, List<Path> inputs, Map<String, String> layerNotes,
            Map<String, Object> engine, Polygons polygons) {
    }

    private final AssessmentSpec spec;
    private final Consumer<String> log;
    private final @Nullable BooleanSupplier cancelled;
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Long> timings = new LinkedHashMap<>();
    /** Per layer: how it was read, its cell areas and its unit (for provenance.json). */
    private final Map<String, String> notes = new LinkedHashMap<>();
    private record AreaKey(GridSpec grid, CoordinateReferenceSystem crs) {
    }

    /** Cell-area models by grid and CRS. */
    private final Map<AreaKey, CellAreas.Model> areaModels = new LinkedHashMap<>();
    /** Units the values are in, where the file declares one that differs from (and converts to) the spec's. */
    private final Map<String, String> fileUnits = new HashMap<>();

    private final boolean strict;
    private final MeasureEngine engine;
    /** Wraps each layer's file as it is opened (the caller's use of the rows the pass reads: a report's overviews). */
    private final UnaryOperator<RasterSource> readTap;

    private Assessment(AssessmentSpec spec, @Nullable Consumer<String> log, @Nullable BooleanSupplier cancelled, boolean strict, MeasureEngine engine,
            UnaryOperator<RasterSource> readTap) {
        this.spec = spec;
        this.readTap = readTap;
        this.strict = strict;
        this.engine = engine;
        this.log = log != null ? log : s -> { };
        this.cancelled = cancelled;
    }

    /**
     * Runs the assessment of a spec.
     *
     * @param spec       the spec
     * @param log        receives progress lines, may be {@code null}
     * @param cancelled  polled during long work, may be {@code null}
     */
    public static Result run(AssessmentSpec spec, @Nullable Consumer<String> log, @Nullable BooleanSupplier cancelled) throws SpecException, GisException {
        return new Assessment(spec, log, cancelled, false, MeasureEngine.LOCAL, UnaryOperator.identity()).run();
    }

    /**
     * Runs the assessment of a spec.
     *
     * @param strict  refuse invalid PA polygons instead of repairing them
     */
    public static Result run(AssessmentSpec spec, @Nullable Consumer<String> log, @Nullable BooleanSupplier cancelled, boolean strict)
            throws SpecException, GisException {
        return new Assessment(spec, log, cancelled, strict, MeasureEngine.LOCAL, UnaryOperator.identity()).run();
    }

    /**
     * Runs the assessment of a spec with the rasters measured by {@code engine} (e.g. on a Spark cluster): everything
     * else, and so every output, is the same as in this process.
     */
    public static Result run(AssessmentSpec spec, @Nullable Consumer<String> log, @Nullable BooleanSupplier cancelled, boolean strict, MeasureEngine engine)
            throws SpecException, GisException {
        return new Assessment(spec, log, cancelled, strict, engine, UnaryOperator.identity()).run();
    }

    /**
     * As {@link #run(AssessmentSpec, Consumer, BooleanSupplier, boolean, MeasureEngine)}, with each layer's file wrapped
     * by {@code readTap} as it is opened: the rows the pass reads also serve the caller (the command line's report
     * makes the map overviews of its figures from them, so the file is decoded once).
     */
    public static Result run(AssessmentSpec spec, @Nullable Consumer<String> log, @Nullable BooleanSupplier cancelled, boolean strict,
            MeasureEngine engine, UnaryOperator<RasterSource> readTap) throws SpecException, GisException {
        return new Assessment(spec, log, cancelled, strict, engine, readTap).run();
    }

    private Result run() throws SpecException, GisException {
        long t0 = System.nanoTime();
        // ---- region
        List<Path> inputs = new ArrayList<>();
        AssessmentSpec.Region rspec = spec.region();
        Path regionPath = rspec.path(), maskPath = rspec.mask();
        String regionText;
        if (regionPath != null) {
            FeatureSet set = VectorIO.read(regionPath, rspec.layer(), crs(rspec.crs(), "the \"crs\" of region"));
            PaReader.checkCoordinates(set, regionPath);
            inputs.add(regionPath);
            List<Geometry> gs = new ArrayList<>();
            for (Feature f : set.features()) {
                gs.add(f.geometry());
            }
            Geometry union = Geometries.union(gs);
            region = union;
            workCrs = set.crs();
            if (union.isEmpty()) {
                throw new GisException(regionPath, "has no polygon", "the region's polygons");
            }
            regionOutline = union;
            regionText = union.getNumGeometries() + " polygon(s)";
        } else if (maskPath != null) {
            // the mask is applied cell by cell on its own grid; it is turned into polygons only for layers on other grids
            RasterFiles.Request maskRequest = new RasterFiles.Request(rspec.maskVariable(),
                    crs(rspec.crs(), "the \"crs\" of region"), null, null, null, null);
            RasterSource m = RasterFiles.open(maskPath, maskRequest);
            mask = m;
            maskInput = new MeasureEngine.Input(maskPath, maskRequest, Double.NaN);
            workCrs = m.crs();
            GridSpec mg = m.grid();
            regionOutline = Geometries.box(mg.minX(), mg.minY(), mg.maxX(), mg.maxY());
            inputs.add(maskPath);
            regionText = "mask " + mg.width() + " x " + mg.height();
        } else {
            throw new SpecException(spec.file() + ": region needs exactly one of \"path\" (polygons) or \"mask\" (raster)");
        }
        timings.put("geometry: region", (System.nanoTime() - t0) / 1_000_000);
        log.accept("region: " + regionText + ", CRS " + CrsSupport.label(workCrs));

        // ---- protected areas
        AssessmentSpec.ProtectedAreas pspec = spec.protectedAreas();
        long tPas = System.nanoTime();
        FeatureSet paSet = VectorIO.read(pspec.path(), pspec.layer(), crs(pspec.crs(), "the \"crs\" of protectedAreas"));
        timings.put("geometry: PAs read", (System.nanoTime() - tPas) / 1_000_000);
        tPas = System.nanoTime();
        PaReader.checkCoordinates(paSet, pspec.path());
        inputs.add(pspec.path());
        PaReader.Read read = PaReader.read(pspec, paSet, strict, warnings);
        List<Pa> pas = read.pas();
        pasForZones = pas;
        log.accept("protected areas: " + pas.size() + " of " + paSet.features().size() + " features used, in " + pspec.classes().size() + " classes"
                + (read.noGeometry().isEmpty() ? "" : "; without polygon: " + PaReader.abbreviate(read.noGeometry()))
                + (read.unmatched().isEmpty() ? "" : "; in no class: " + read.unmatched().values().stream().mapToInt(Integer::intValue).sum()));

        // ---- categories (precedence: earlier classes win where PAs overlap), measured per cell by the engine
        List<String> categories = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        categories.add("region");
        labels.put("region", "Region");
        List<String> classKeys = new ArrayList<>();
        for (AssessmentSpec.PaClass c : pspec.classes()) {
            categories.add(c.key());
            labels.put(c.key(), c.label());
            classKeys.add(c.key());
        }
        categories.add("protected");
        labels.put("protected", "All PAs");
        categories.add("unprotected");
        labels.put("unprotected", "Outside PAs");
        int[] classes = new int[pas.size()];
        for (int i = 0; i < pas.size(); i++) {
            classes[i] = classKeys.indexOf(pas.get(i).classKey());
        }
        classOf = classes;
        paCrs = paSet.crs();
        timings.put("geometry: PAs checked", (System.nanoTime() - tPas) / 1_000_000);
        timings.put("geometry", (System.nanoTime() - t0) / 1_000_000);

        // ---- optional common grid (the paper's 1 km method)
        GridSpec common = null;
        CoordinateReferenceSystem commonCrs = CrsSupport.lonLat();
        AssessmentSpec.Grid gridSpec = spec.grid();
        if (gridSpec != null) {
            commonCrs = CrsSupport.parse(gridSpec.crs(), spec.file());
            common = org.pacarbon.zonal.core.CommonGrid.of(Geometries.transform(regionPolygons(), ready(workCrs), commonCrs), gridSpec.cellSize());
            if ((long) common.width() * common.height() > 400_000_000L) {
                throw new SpecException(spec.file() + ": grid.cellSize " + gridSpec.cellSize() + " makes a common grid of "
                        + common.width() + " x " + common.height() + " cells over the region; choose a larger cell size");
            }
            log.accept("common grid: " + common.width() + " x " + common.height() + " cells of " + gridSpec.cellSize()
                    + " in " + CrsSupport.label(commonCrs));
        }

        // ---- layers
        Map<String, ZoneStats[]> stats = new HashMap<>();
        Map<String, RasterInfo> info = new HashMap<>();
        Map<String, RasterSource> resampled = new HashMap<>();
        List<AssessmentSpec.Layer> fileLayers = spec.layers().stream().filter(l -> l.sum() == null).toList();
        int done = 0;
        for (AssessmentSpec.Layer layer : fileLayers) {
            long t1 = System.nanoTime();
            try (RasterSource file = readTap.apply(RasterFiles.open(layer.filePath(), request(layer)))) {
                inputs.add(layer.filePath());
                String unitNote = checkUnit(layer, file);
                @SuppressWarnings("resource") // the file is closed by the try; a resampled copy is held in memory
                RasterSource src = file;
                if (common != null) {
                    if (!overlaps(toGrid(ready(regionOutline), ready(workCrs), file), file.grid())) {
                        throw new GisException(layer.filePath(), "does not overlap the region (raster extent " + extent(file.grid())
                                + " in " + CrsSupport.label(file.crs()) + ")", "a raster that covers the region");
                    }
                    src = org.pacarbon.zonal.core.CommonGrid.resample(file, common, commonCrs, layer.isDensity(), cancelled);
                    resampled.put(id(layer), src);
                }
                if (!overlaps(toGrid(ready(regionOutline), ready(workCrs), src), src.grid())) {
                    throw new GisException(layer.filePath(), "does not overlap the region (raster extent " + extent(src.grid())
                            + " in " + CrsSupport.label(src.crs()) + ")", "a raster that covers the region");
                }
                CellAreas.Model areas = areasOf(src);
                ZoneStats[] s = measure(layer.display(), src, common != null ? List.of()
                        : List.of(new MeasureEngine.Input(layer.filePath(), request(layer), Double.NaN)), categories.size(), pas, areas);
                stats.put(id(layer), s);
                checkPlausible(layer, src, s[0]);
                notes.put(layer.display(), "read: " + RasterFiles.reader(file) + "; cell areas: " + areas.method() + "; unit: " + unitNote);
                info.put(id(layer), new RasterInfo(src.grid(), src.crs(), layer.filePath(), request(layer)));
                if (s[0].validArea() == 0) {
                    throw new GisException(layer.filePath(), "has no valid value inside the region", "a raster with data over the region");
                }
            } catch (java.io.IOException e) {
                throw new GisException(layer.filePath(), GisException.describe(e), null, e);
            } catch (GisException e) {
                // a failure met while working on this layer (a transform, a cell area) names the layer's file
                throw e.file() != null ? e : new GisException(layer.filePath(), e.problem(), e.expected(), e);
            }
            timings.put("layer " + layer.display(), (System.nanoTime() - t1) / 1_000_000);
            log.accept(String.format(java.util.Locale.ROOT, "layer %s: %d zones in %.1f s (%d/%d)", layer.display(),
                    categories.size() + pas.size(), (System.nanoTime() - t1) / 1e9, ++done, fileLayers.size()));
        }
        List<String> outside = new ArrayList<>();
        for (int i = 0; i < pas.size(); i++) {
            int zi = categories.size() + i;
            if (fileLayers.stream().allMatch(l -> stats.get(id(l))[zi].coveredArea() == 0)) {
                outside.add(pas.get(i).id());
            }
        }
        if (spec.region().path() != null) {
            // PAs outside the region polygons: they count in no category
            Geometry regionInPaCrs = Geometries.transform(regionPolygons(), ready(workCrs), ready(paCrs));
            org.locationtech.jts.geom.prep.PreparedGeometry prep = org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(regionInPaCrs);
            List<String> outRegion = new ArrayList<>();
            for (Pa pa : pas) {
                if (!outside.contains(pa.id()) && !prep.intersects(pa.geometry())) {
                    outRegion.add(pa.id());
                }
            }
            if (!outRegion.isEmpty()) {
                warnings.add(outRegion.size() + " PA(s) lie entirely outside the region and count in no category: " + PaReader.abbreviate(outRegion));
            }
        }
        if (!outside.isEmpty()) {
            warnings.add(outside.size() + " PA(s) cover no cell of any layer (outside the rasters; their values are 0 or empty): "
                    + PaReader.abbreviate(outside));
        }
        for (AssessmentSpec.Layer layer : spec.layers()) {
            if (layer.sum() != null) {
                long t1 = System.nanoTime();
                stats.put(id(layer), sumLayer(layer, stats, info, resampled, categories.size(), pas));
                timings.put("layer " + layer.display(), (System.nanoTime() - t1) / 1_000_000);
            }
        }

        // ---- rows
        List<Row> rows = new ArrayList<>();
        List<PaRow> paRows = new ArrayList<>();
        for (AssessmentSpec.Layer layer : spec.layers()) {
            ZoneStats[] s = stats.get(id(layer));
            UnitPolicy units = UnitPolicy.of(layer, spec, this::unitOf);
            double regionTotal = units.totalKg(s[0]);
            double regionPerArea = regionTotal / s[0].validArea();
            for (int c = 0; c < categories.size(); c++) {
                double total = units.totalKg(s[c]);
                double perArea = s[c].validArea() > 0 ? total / s[c].validArea() : Double.NaN;
                rows.add(new Row(layer.group(), layer.key(), layer.year(), categories.get(c), units.total(total), units.totalUnit(),
                        regionTotal != 0 ? 100 * total / regionTotal : Double.NaN, units.perArea(perArea), units.perAreaUnit(),
                        perArea / regionPerArea, s[c].validArea() / 1e6));
            }
            for (int p = 0; p < pas.size(); p++) {
                ZoneStats z = s[categories.size() + p];
                double total = units.totalKg(z);
                Pa pa = pas.get(p);
                paRows.add(new PaRow(pa.id(), pa.name(), pa.classKey(), layer.key(), layer.year(), units.total(total), units.totalUnit(),
                        z.validArea() > 0 ? units.perArea(total / z.validArea()) : Double.NaN, units.perAreaUnit(),
                        z.validArea() / 1e6, z.coveredArea() / 1e6));
            }
        }
        timings.put("total", (System.nanoTime() - t0) / 1_000_000);
        return new Result(spec, categories, labels, rows, paRows, warnings, timings, inputs, notes, engine.provenance(),
                new Polygons(List.copyOf(pasForZones), ready(paCrs), regionPath != null ? regionOutline : null, regionPath != null ? workCrs : null));
    }

    private record RasterInfo(GridSpec grid, CoordinateReferenceSystem crs, Path path, RasterFiles.Request request) {
    }

    /**
     * Values outside the physical range of their quantity (a carbon density of 1e16 kg/m2, negative emissions) are
     * counted over the whole file and reported with the worst one; an error under --strict. Ranges, in kg (of C or CO2)
     * per m2 and per year: storage densities 0..200, uptake densities -5..20, emission densities 0..5000; per-cell
     * amounts at least 0.
     */
    private void checkPlausible(AssessmentSpec.Layer layer, RasterSource src, ZoneStats region) throws GisException {
        if (region.cells() == 0) {
            return;
        }
        QuantityUnit u = QuantityUnit.parse(unitOf(layer));
        double f = u.toKgFactor(layer.yearOrZero());
        double lo, hi;
        String what;
        switch (layer.group()) {
            case "storage" -> { lo = 0; hi = u.isDensity() ? 200 : Double.POSITIVE_INFINITY; what = u.isDensity() ? "0 to 200 kg/m2" : "at least 0"; }
            case "uptake" -> { lo = u.isDensity() ? -5 : Double.NEGATIVE_INFINITY; hi = u.isDensity() ? 20 : Double.POSITIVE_INFINITY;
                what = u.isDensity() ? "-5 to 20 kg/m2/yr" : "any"; }
            default -> { lo = 0; hi = u.isDensity() ? 5000 : Double.POSITIVE_INFINITY; what = u.isDensity() ? "0 to 5000 kg/m2/yr" : "at least 0"; }
        }
        if (region.min() * f >= lo && region.max() * f <= hi) {
            return; // inside the region all is plausible: the common case costs nothing more
        }
        long bad = 0;
        double worst = Double.NaN;
        int w = src.grid().width(), h = src.grid().height();
        int block = Math.max(1, Math.min(h, Math.max(src.blockRows(), (1 << 22) / w)));
        float[] buf = new float[block * w];
        for (int r = 0; r < h; r += block) {
            if (cancelled != null && cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("cancelled");
            }
            int n = Math.min(block, h - r);
            src.readRows(r, n, buf);
            for (int i = 0; i < n * w; i++) {
                float v = buf[i];
                if (v == v && (v * f < lo || v * f > hi)) {
                    bad++;
                    if (!(Math.abs(v) <= Math.abs(worst))) {
                        worst = v;
                    }
                }
            }
        }
        if (bad == 0) {
            return;
        }
        String msg = String.format(java.util.Locale.ROOT, "%d cells have values outside the plausible range of %s (%s) for %s (worst: %s %s)"
                + "; check the unit, the nodata value and the scale", bad, layer.group(), what, u.isDensity() ? "a density" : "an amount",
                Float.toString((float) worst), unitOf(layer));
        if (strict) {
            throw new GisException(layer.filePath(), msg + " (--strict)", "values in the physical range of the quantity");
        }
        warnings.add("layer '" + layer.display() + "' (" + layer.filePath().getFileName() + "): " + msg);
    }

    /** The unit the layer's values are in: the file's own when it declared a different unit of the same quantity. */
    private String unitOf(AssessmentSpec.Layer layer) {
        return fileUnits.getOrDefault(id(layer), layer.fileUnit());
    }

    /**
     * Compares the unit the file declares with the spec's: the same quantity in another unit is converted (from the
     * file's unit, with a warning), another quantity is an error, a unit that is not a carbon quantity is a warning.
     *
     * @return a note for provenance
     */
    private String checkUnit(AssessmentSpec.Layer layer, RasterSource file) throws GisException {
        String declared = file.unit();
        if (declared == null || declared.isBlank() || List.of("1", "-", "none", "unitless", "dimensionless").contains(declared.trim().toLowerCase(java.util.Locale.ROOT))) {
            return layer.unit() + " (from the spec; the file gives no unit)";
        }
        QuantityUnit spec1 = QuantityUnit.parse(layer.fileUnit());
        QuantityUnit inFile;
        try {
            inFile = QuantityUnit.parse(declared);
        } catch (IllegalArgumentException e) {
            warnings.add("layer '" + layer.display() + "': the file's unit '" + declared + "' is not a carbon quantity this program knows;"
                    + " the spec's '" + layer.unit() + "' is used");
            return layer.unit() + " (from the spec; the file's '" + declared + "' is not understood)";
        }
        // a file of one year's amounts ("Tonnes", "t") is the annual rate the spec names ("t/yr"), as EDGAR's annual files are
        boolean annualTotal = !inFile.isRate() && spec1.perYear();
        boolean sameQuantity = inFile.isDensity() == spec1.isDensity() && (inFile.isRate() == spec1.isRate() || annualTotal)
                && (inFile.element() == null || spec1.element() == null || inFile.element().equals(spec1.element()));
        if (!sameQuantity) {
            throw new GisException(layer.filePath(), "its unit is '" + declared + "' (" + describe(inFile) + ") but the spec says '" + layer.unit()
                    + "' (" + describe(spec1) + ") for layer '" + layer.display() + "'", "the layer's \"unit\" and \"kind\" to match the file");
        }
        int year = layer.yearOrZero();
        if (annualTotal) {
            if (Math.abs(inFile.toKgFactor(year) - spec1.toKgFactor(year)) > 1e-12 * spec1.toKgFactor(year)) {
                String asRate = spec1.text().replaceAll("\\s+", " ");
                fileUnits.put(id(layer), declared.strip() + "/yr");
                warnings.add("layer '" + layer.display() + "': the file's values are in '" + declared + "' (the year's amount), not the spec's '"
                        + asRate + "'; they are converted from the file's unit");
            }
            return layer.unit() + " (the file says " + declared + ", the amount of the year)";
        }
        if (Math.abs(inFile.toKgFactor(year) - spec1.toKgFactor(year)) > 1e-12 * spec1.toKgFactor(year)) {
            fileUnits.put(id(layer), declared);
            warnings.add("layer '" + layer.display() + "': the file's values are in '" + declared + "', not the spec's '" + layer.unit()
                    + "'; they are converted from the file's unit");
            return declared + " (from the file; the spec said " + layer.unit() + ")";
        }
        return layer.unit() + " (the file says " + declared + ")";
    }

    private static String describe(QuantityUnit u) {
        return (u.isDensity() ? "per area" : "per cell") + ", " + (u.isRate() ? "a rate" : "a stock")
                + (u.element() != null ? ", of " + u.element() : "");
    }

    private RasterFiles.Request request(AssessmentSpec.Layer layer) throws GisException {
        return new RasterFiles.Request(layer.variable(), crs(layer.crs(), "the \"crs\" of layer '" + layer.display() + "'"), layer.nodata(), layer.band(), layer.time(), layer.year());
    }

    /** How a raster layer of a spec is opened (variable, CRS given in the spec, nodata, band, time): as the run opens it. */
    public static RasterFiles.Request request(AssessmentSpec spec, AssessmentSpec.Layer layer) throws GisException {
        return new Assessment(spec, null, null, false, MeasureEngine.LOCAL, UnaryOperator.identity()).request(layer);
    }

    private ZoneStats[] sumLayer(AssessmentSpec.Layer layer, Map<String, ZoneStats[]> stats, Map<String, RasterInfo> info,
            Map<String, RasterSource> resampled, int categoryCount, List<Pa> pas)
            throws GisException, SpecException {
        List<AssessmentSpec.Layer> parts = new ArrayList<>();
        for (String key : layer.parts()) {
            parts.add(spec.layers().stream().filter(l -> l.key().equals(key) && l.sum() == null
                    && java.util.Objects.equals(l.year(), layer.year())).findFirst().orElseThrow());
        }
        RasterInfo first = info.get(id(parts.get(0)));
        boolean sameGrid = parts.stream().allMatch(p -> info.get(id(p)).grid().sameCells(first.grid())
                && CrsSupport.same(info.get(id(p)).crs(), first.crs()));
        List<QuantityUnit> units = new ArrayList<>();
        for (AssessmentSpec.Layer p : parts) {
            units.add(QuantityUnit.parse(unitOf(p)));
            if (!p.fileKind().equals(parts.get(0).fileKind())) {
                throw new SpecException(spec.file() + ": layer '" + layer.key() + "' sums layers of different kinds (density and amount)");
            }
        }
        if (!sameGrid) {
            warnings.add("layer '" + layer.key() + "': its parts are on different grids, so its totals are the sums of the parts' totals"
                    + " and its valid area is the smallest of theirs (cell-by-cell validity needs a common grid)");
            ZoneStats[] out = new ZoneStats[0];
            boolean started = false;
            for (AssessmentSpec.Layer p : parts) {
                ZoneStats[] s = stats.get(id(p));
                double f = QuantityUnit.parse(unitOf(p)).toKgFactor(p.yearOrZero());
                if (!started) {
                    started = true;
                    out = new ZoneStats[s.length];
                    for (int i = 0; i < s.length; i++) {
                        out[i] = ZoneStats.of(s[i].coveredArea(), s[i].validArea(), s[i].sumTimesArea() * f, s[i].sumTimesCoverage() * f);
                    }
                } else {
                    for (int i = 0; i < s.length; i++) {
                        out[i] = ZoneStats.of(Math.max(out[i].coveredArea(), s[i].coveredArea()), Math.min(out[i].validArea(), s[i].validArea()),
                                out[i].sumTimesArea() + s[i].sumTimesArea() * f, out[i].sumTimesCoverage() + s[i].sumTimesCoverage() * f);
                    }
                }
            }
            return out;
        }
        // same grid: a cell is valid only where every part is; values are converted to kg (per m2) and summed
        List<RasterSource> sources = new ArrayList<>();
        double[] factors = new double[parts.size()];
        try {
            for (int i = 0; i < parts.size(); i++) {
                AssessmentSpec.Layer p = parts.get(i);
                RasterInfo ri = info.get(id(p));
                sources.add(resampled.containsKey(id(p)) ? resampled.get(id(p))
                        : RasterFiles.open(ri.path(), ri.request()));
                factors[i] = units.get(i).toKgFactor(p.yearOrZero());
            }
            RasterSource sum = new SumRaster(sources, factors);
            List<MeasureEngine.Input> inputs = new ArrayList<>();
            for (int i = 0; i < parts.size() && resampled.isEmpty(); i++) {
                inputs.add(new MeasureEngine.Input(info.get(id(parts.get(i))).path(), info.get(id(parts.get(i))).request(), factors[i]));
            }
            return measure(layer.display(), sum, inputs, categoryCount, pas, areasOf(sum));
        } finally {
            for (RasterSource s : sources) {
                try {
                    s.close();
                } catch (java.io.IOException e) {
                    // read-only
                }
            }
        }
    }

    /** Cell areas of a raster's grid, computed once per distinct grid and CRS. */
    private CellAreas.Model areasOf(RasterSource src) throws GisException {
        for (AreaKey k : areaModels.keySet()) {
            if (k.grid().sameCells(src.grid()) && CrsSupport.same(k.crs(), src.crs())) {
                return areaModels.get(k);
            }
        }
        CellAreas.Model m = CellAreas.of(src.grid(), src.crs());
        areaModels.put(new AreaKey(src.grid(), src.crs()), m);
        return m;
    }

    /**
     * Measures a raster for the categories [region, class parts..., protected, unprotected] and the single PAs. The
     * engine measures the disjoint ones (class parts and unprotected) per cell; region and protected are their sums,
     * exactly, since coverage fractions of disjoint zones add up. {@code inputs} say how a distributed engine's workers
     * open the same cells again (empty: only in this process).
     */
    private ZoneStats[] measure(String layer, RasterSource src, List<MeasureEngine.Input> inputs, int categoryCount, List<Pa> pas,
            CellAreas.Model areas) throws GisException {
        Zones z = zonesFor(src);
        boolean maskHere = maskMatches(src);
        int classes = categoryCount - 3;
        CategoryEngine.Result m = engine.measure(new MeasureEngine.Job(layer, src, inputs, maskHere ? maskInput : null,
                maskHere ? mask : null, maskHere ? null : z.region(), z.pas(), ready(classOf), classes, areas), cancelled);
        ZoneStats[] out = new ZoneStats[categoryCount + pas.size()];
        out[0] = m.region();
        System.arraycopy(m.classes(), 0, out, 1, classes);
        out[categoryCount - 2] = m.allClasses();
        out[categoryCount - 1] = m.outside();
        System.arraycopy(m.zones(), 0, out, categoryCount, pas.size());
        return out;
    }

    /** The PAs (and the region, when it is needed as polygons) in a raster's CRS: reprojected once per CRS. */
    private record Zones(CoordinateReferenceSystem crs, boolean shifted, List<Geometry> pas, @Nullable Geometry region) {
    }

    private final List<Zones> zonesByCrs = new ArrayList<>();
    private @Nullable Geometry region;
    private @Nullable Geometry regionOutline;
    private @Nullable RasterSource mask;
    private MeasureEngine.@Nullable Input maskInput;
    private @Nullable CoordinateReferenceSystem workCrs;
    private @Nullable CoordinateReferenceSystem paCrs;
    private int @Nullable [] classOf;
    private List<Pa> pasForZones = List.of();

    private Zones zonesFor(RasterSource src) throws GisException {
        boolean shift = needsShift(src);
        for (Zones z : zonesByCrs) {
            if (z.shifted() == shift && CrsSupport.same(z.crs(), src.crs())) {
                if (z.region() == null && !(maskMatches(src))) {
                    Zones withRegion = new Zones(z.crs(), shift, z.pas(), toGrid(regionPolygons(), ready(workCrs), src));
                    zonesByCrs.set(zonesByCrs.indexOf(z), withRegion);
                    return withRegion;
                }
                return z;
            }
        }
        List<Geometry> pas = new ArrayList<>();
        for (Pa pa : pasForZones) {
            pas.add(toGrid(pa.geometry(), ready(paCrs), src));
        }
        boolean maskHere = maskMatches(src);
        Zones z = new Zones(src.crs(), shift, pas, maskHere ? null : toGrid(regionPolygons(), ready(workCrs), src));
        zonesByCrs.add(z);
        return z;
    }

    /** The region as polygons (a mask region is turned into polygons only when a layer is on another grid). */
    private Geometry regionPolygons() throws GisException {
        Geometry r = region;
        if (r == null) {
            RasterSource m = ready(mask);
            log.accept("region mask: turning it into polygons for a layer on another grid");
            r = RegionMask.polygons(m);
            if (r.isEmpty()) {
                throw new GisException(m.file(), "the mask has no valid non-zero cell", "a mask raster with the region's cells non-zero");
            }
            region = r;
        }
        return r;
    }

    /** Whether the mask region is on the cells of {@code src} (then it is applied cell by cell, never as polygons). */
    private boolean maskMatches(RasterSource src) {
        RasterSource m = mask;
        return m != null && m.grid().sameCells(src.grid()) && CrsSupport.same(m.crs(), src.crs());
    }

    /** A value the region and PA phases of {@link #run()} have set before the layers are measured. */
    private static <T> T ready(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("used before the region and the PAs were read");
        }
        return value;
    }

    static String id(AssessmentSpec.Layer l) {
        return l.key() + "@" + l.year();
    }

    private @Nullable CoordinateReferenceSystem crs(@Nullable String text, String where) throws GisException {
        if (text == null) {
            return null;
        }
        try {
            return CrsSupport.parse(text, null);
        } catch (GisException e) {
            throw new GisException(spec.file(), where + ": " + e.problem(), e.expected(), e);
        }
    }

    /** Reprojects a zone to the raster's CRS; on 0..360 longitude grids, western longitudes are shifted by 360. */
    private static Geometry toGrid(Geometry g, CoordinateReferenceSystem from, RasterSource src) throws GisException {
        Geometry t = Geometries.transform(g, from, src.crs());
        if (needsShift(src) && t.getEnvelopeInternal().getMinX() < 0) {
            t = Geometries.shiftX(t, 360);
        }
        return t;
    }

    private static boolean needsShift(RasterSource src) {
        return CrsSupport.isGeographic(src.crs()) && src.grid().maxX() > 180.0 + 1e-9;
    }

    private static boolean overlaps(Geometry g, GridSpec grid) {
        org.locationtech.jts.geom.Envelope e = g.getEnvelopeInternal();
        return e.intersects(new org.locationtech.jts.geom.Envelope(grid.minX(), grid.maxX(), grid.minY(), grid.maxY()));
    }

    private static String extent(GridSpec g) {
        return String.format(java.util.Locale.ROOT, "x %.6g..%.6g, y %.6g..%.6g", g.minX(), g.maxX(), g.minY(), g.maxY());
    }
}
