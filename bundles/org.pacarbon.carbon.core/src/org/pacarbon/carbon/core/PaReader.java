package org.pacarbon.carbon.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.vector.Feature;
import org.pacarbon.gis.core.vector.FeatureSet;
import org.pacarbon.gis.core.vector.Geometries;

/**
 * The PAs of an assessment read from their features: each one's class (by the spec's class values), id and name, its
 * polygon checked (repaired with the area change reported, or refused under --strict), split at the antimeridian, and
 * the file refused when ids repeat, coordinates look swapped or no feature is of a listed class.
 */
final class PaReader {
    /** Projected coordinates farther than this from the origin (in metres) lie off the Earth on every projection. */
    static final double MAX_PROJECTED_METRES = 1e8;

    /** The PAs used, and what was left out (for the log). */
    record Read(List<Assessment.Pa> pas, Map<String, Integer> unmatched, List<String> noGeometry) {
    }

    private PaReader() {
    }

    /**
     * The PAs of {@code paSet} (read from {@code pspec.path()}); warnings (repairs, splits, features left out) go to
     * {@code warnings}.
     */
    static Read read(AssessmentSpec.ProtectedAreas pspec, FeatureSet paSet, boolean strict, List<String> warnings)
            throws GisException {
        for (String field : new String[] {pspec.classField(), pspec.nameField(), pspec.idField()}) {
            if (field != null && !paSet.fields().contains(field)) {
                throw new GisException(pspec.path(), "has no field '" + field + "'", "one of its fields " + paSet.fields());
            }
        }
        Map<String, String> keyOfValue = new LinkedHashMap<>();
        for (AssessmentSpec.PaClass c : pspec.classes()) {
            keyOfValue.put(c.value(), c.key());
        }
        List<Assessment.Pa> pas = new ArrayList<>();
        Map<String, Integer> unmatched = new LinkedHashMap<>();
        List<String> noGeometry = new ArrayList<>();
        List<String> repaired = new ArrayList<>();
        List<String> split = new ArrayList<>();
        Map<String, Integer> idCount = new LinkedHashMap<>();
        boolean geographic = CrsSupport.isGeographic(paSet.crs());
        // validity is most of the cost of these checks: once per feature, on all cores
        List<Geometries.Repaired> checked = paSet.features().parallelStream().map(f -> Geometries.repaired(f.geometry())).toList();
        int index = -1;
        for (Feature f : paSet.features()) {
            index++;
            String value = f.text(pspec.classField()).orElse("");
            if (f.attributes().get(pspec.classField()) instanceof Double d && d == Math.rint(d)) {
                value = Long.toString(d.longValue());
            }
            String key = keyOfValue.get(value);
            if (key == null) {
                unmatched.merge(value, 1, Integer::sum);
                continue;
            }
            String idField = pspec.idField(), nameField = pspec.nameField();
            String id = idField != null ? f.text(idField).orElse(f.id()) : f.id();
            idCount.merge(id, 1, Integer::sum);
            Geometry raw = f.geometry();
            Geometry g = checked.get(index).polygonal();
            if (g.isEmpty()) {
                noGeometry.add(id);
                continue;
            }
            String why = checked.get(index).invalidReason();
            if (why != null) {
                if (strict) {
                    throw new GisException(pspec.path(), "PA " + id + " is not a valid polygon (" + why + ") and --strict is on",
                            "valid polygons (without --strict they are repaired and the area change is reported)");
                }
                double before = Math.abs(signedArea(raw)), after = g.getArea();
                repaired.add(String.format(java.util.Locale.ROOT, "%s (%s; area %+.3f %%)", id, why,
                        before > 0 ? 100 * (after - before) / before : 0.0));
            }
            if (geographic) {
                Geometry s2 = Geometries.splitAntimeridian(g);
                if (s2 != null) {
                    g = s2;
                    split.add(id);
                }
            }
            pas.add(new Assessment.Pa(id, nameField != null ? f.text(nameField).orElse("") : "", key, g));
        }
        List<String> dup = idCount.entrySet().stream().filter(e -> e.getValue() > 1).map(e -> e.getKey() + " (x" + e.getValue() + ")").toList();
        if (!dup.isEmpty()) {
            throw new GisException(pspec.path(), "PA ids are not unique" + (pspec.idField() != null ? " in field '" + pspec.idField() + "'" : "")
                    + ": " + abbreviate(dup), "one feature per PA id (dissolve multipart PAs into one feature, or choose another \"idField\")");
        }
        if (!noGeometry.isEmpty()) {
            warnings.add(noGeometry.size() + " PA feature(s) have no polygon and are skipped: " + abbreviate(noGeometry));
        }
        if (!repaired.isEmpty()) {
            warnings.add(repaired.size() + " PA polygon(s) were invalid and repaired (JTS GeometryFixer): " + abbreviate(repaired));
        }
        if (!split.isEmpty()) {
            warnings.add(split.size() + " PA(s) cross the antimeridian and were split at 180 degrees: " + abbreviate(split));
        }
        if (geographic) {
            List<String> swapped = new ArrayList<>();
            for (Assessment.Pa pa : pas) {
                org.locationtech.jts.geom.Envelope e = pa.geometry().getEnvelopeInternal();
                if (e.getMinY() < -90.000001 || e.getMaxY() > 90.000001) {
                    swapped.add(pa.id());
                }
            }
            if (!swapped.isEmpty()) {
                throw new GisException(pspec.path(), "PA(s) " + abbreviate(swapped) + " have latitudes beyond 90 degrees:"
                        + " their coordinates look swapped (latitude, longitude)", "longitude, latitude order (x = longitude)");
            }
        }
        if (!unmatched.isEmpty()) {
            warnings.add("PA features whose " + pspec.classField() + " matches no class were left out: " + unmatched);
        }
        if (pas.isEmpty()) {
            throw new GisException(pspec.path(), "no feature has a " + pspec.classField() + " value among the classes "
                    + keyOfValue.keySet() + " (values found: " + unmatched.keySet() + ")", "features of the listed classes");
        }
        return new Read(pas, unmatched, noGeometry);
    }

    /**
     * Coordinates of a geographic CRS must be longitudes and latitudes (else the file's CRS is wrong or missing); those
     * of a projected CRS must lie on the Earth.
     */
    static void checkCoordinates(FeatureSet set, Path file) throws GisException {
        if (!CrsSupport.isGeographic(set.crs())) {
            checkProjected(set, file);
            return;
        }
        org.locationtech.jts.geom.Envelope env = new org.locationtech.jts.geom.Envelope();
        set.features().forEach(f -> env.expandToInclude(f.geometry().getEnvelopeInternal()));
        if (!env.isNull() && (env.getMinX() < -540 || env.getMaxX() > 540 || env.getMinY() < -90.0001 || env.getMaxY() > 90.0001)) {
            boolean swapped = env.getMinY() >= -180 && env.getMaxY() <= 180 && env.getMinX() >= -90 && env.getMaxX() <= 90;
            throw new GisException(file, "its coordinates reach (" + env.getMaxX() + ", " + env.getMaxY() + "), which are not "
                    + (swapped ? "(longitude, latitude): they look swapped" : "longitudes and latitudes, though its CRS is "
                            + CrsSupport.label(set.crs())), "the file's true CRS (a .prj, a crs member, or \"crs\" in the spec)");
        }
    }

    /**
     * Refuses a vertex of a projected file beyond {@link #MAX_PROJECTED_METRES} (a damaged coordinate such as 3e51:
     * it would make every polygon measure meaningless, and sweeping an edge that long never ends).
     */
    private static void checkProjected(FeatureSet set, Path file) throws GisException {
        double metres;
        try {
            metres = org.pacarbon.zonal.core.CellAreas.metresPerUnit(set.crs());
        } catch (GisException e) {
            metres = 1;
        }
        double limit = MAX_PROJECTED_METRES / metres;
        for (Feature f : set.features()) {
            if (f.geometry().isEmpty()) {
                continue;
            }
            org.locationtech.jts.geom.Envelope e = f.geometry().getEnvelopeInternal();
            double far = Math.max(Math.max(Math.abs(e.getMinX()), Math.abs(e.getMaxX())), Math.max(Math.abs(e.getMinY()), Math.abs(e.getMaxY())));
            if (!(far <= limit)) {
                throw new GisException(file, "feature " + f.id() + " has a coordinate of " + String.format(java.util.Locale.ROOT, "%.3g", far)
                        + " " + (metres == 1 ? "m" : "units") + ", off the Earth in " + CrsSupport.label(set.crs()),
                        "projected coordinates within " + String.format(java.util.Locale.ROOT, "%.0e", MAX_PROJECTED_METRES) + " m of the origin");
            }
        }
    }

    /** A list for a message: its first ten items and how many more. */
    static String abbreviate(List<String> items) {
        return items.size() <= 10 ? String.join(", ", items) : String.join(", ", items.subList(0, 10)) + " and " + (items.size() - 10) + " more";
    }

    /** The shoelace area of a geometry's rings as drawn (holes subtracted), meaningful also for invalid polygons. */
    private static double signedArea(Geometry g) {
        double a = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof org.locationtech.jts.geom.Polygon p) {
                a += Math.abs(org.locationtech.jts.algorithm.Area.ofRingSigned(p.getExteriorRing().getCoordinates()));
                for (int k = 0; k < p.getNumInteriorRing(); k++) {
                    a -= Math.abs(org.locationtech.jts.algorithm.Area.ofRingSigned(p.getInteriorRingN(k).getCoordinates()));
                }
            }
        }
        return a;
    }
}
